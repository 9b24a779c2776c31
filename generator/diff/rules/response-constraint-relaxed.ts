/** `response-constraint-relaxed`: A bound of something the client receives was relaxed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseConstraintRelaxed = defineRule({
  id: "response-constraint-relaxed",
  level: "error",
  azureLevel: "error",
  azureCode: "1037 ConstraintIsWeaker",
  direction: "response",
  description: "A bound of something the client receives was relaxed.",
  why: "clients may receive values outside the range they were promised",
  taxonomy: "Row 33: oasdiff response-*-max-increased / min-decreased (ERR); Azure 1037 (Error).",
  check: on("constraint-changed", "response", (c) =>
    c.relation === "relaxed"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
