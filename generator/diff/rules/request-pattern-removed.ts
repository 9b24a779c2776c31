/** `request-pattern-removed`: The pattern of a string the client sends was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPatternRemoved = defineRule({
  id: "request-pattern-removed",
  level: "info",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "request",
  description: "The pattern of a string the client sends was removed.",
  why: "every string clients sent before is still valid",
  taxonomy: "Row 35: oasdiff request-property-pattern-generalized (INFO); Azure 1036 (Error).",
  check: on("pattern-changed", "request", (c) =>
    c.relation === "removed" ? `pattern ${JSON.stringify(c.before)} removed` : undefined,
  ),
});
