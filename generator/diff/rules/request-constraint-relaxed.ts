/** `request-constraint-relaxed`: A bound of something the client sends was relaxed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestConstraintRelaxed = defineRule({
  id: "request-constraint-relaxed",
  level: "info",
  azureLevel: "error",
  azureCode: "1037 ConstraintIsWeaker",
  direction: "request",
  description: "A bound of something the client sends was relaxed.",
  why: "every value clients sent before is still valid",
  taxonomy: "Row 33: oasdiff request-*-max-increased (INFO); Azure 1037 (Error).",
  check: on("constraint-changed", "request", (c) =>
    c.relation === "relaxed"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
