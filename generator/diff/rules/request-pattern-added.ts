/** `request-pattern-added`: A pattern was added to a string the client sends. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPatternAdded = defineRule({
  id: "request-pattern-added",
  level: "error",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "request",
  description: "A pattern was added to a string the client sends.",
  why: "strings clients sent before may not match it",
  taxonomy: "Row 35: oasdiff request-property-pattern-added (ERR); Azure 1036 (Error).",
  check: on("pattern-changed", "request", (c) =>
    c.relation === "added" ? `pattern ${JSON.stringify(c.after)} added` : undefined,
  ),
});
