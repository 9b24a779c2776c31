/** `request-pattern-changed`: The pattern of a string the client sends changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPatternChanged = defineRule({
  id: "request-pattern-changed",
  level: "warning",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "request",
  description: "The pattern of a string the client sends changed.",
  why: "strings clients sent before may not match the new pattern (whether it is wider cannot be decided in general)",
  taxonomy: "Row 35: oasdiff request-property-pattern-changed (WARN); Azure 1036 (Error).",
  peer: "api-smart-diff: breaking. We follow oasdiff (WARN): whether the new pattern is wider cannot be decided in general.",
  check: on("pattern-changed", "request", (c) =>
    c.relation === "changed" ? `pattern ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}` : undefined,
  ),
});
