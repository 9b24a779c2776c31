/** `response-constraint-removed`: A bound of something the client receives was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseConstraintRemoved = defineRule({
  id: "response-constraint-removed",
  level: "error",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "response",
  description: "A bound of something the client receives was removed.",
  why: "clients may receive values outside the range they were promised",
  taxonomy: "Row 34: oasdiff response-*-unset (ERR); Azure 1036 (Error).",
  check: on("constraint-changed", "response", (c) =>
    c.relation === "removed"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
