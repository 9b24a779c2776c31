/** `request-constraint-removed`: A bound of something the client sends was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestConstraintRemoved = defineRule({
  id: "request-constraint-removed",
  level: "info",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "request",
  description: "A bound of something the client sends was removed.",
  why: "every value clients sent before is still valid",
  taxonomy: "Row 34: oasdiff (INFO); Azure 1036 (Error).",
  check: on("constraint-changed", "request", (c) =>
    c.relation === "removed"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
