/** `response-pattern-changed`: The pattern of a string the client receives was added, changed or removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responsePatternChanged = defineRule({
  id: "response-pattern-changed",
  level: "info",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "response",
  description: "The pattern of a string the client receives was added, changed or removed.",
  why: "clients do not validate what they receive against patterns",
  taxonomy: "Row 35: not breaking in responses (oasdiff has no response pattern error); Azure 1036 (Error).",
  check: on(
    "pattern-changed",
    "response",
    (c) =>
      `pattern ${c.relation}: ${c.before === undefined ? "(none)" : JSON.stringify(c.before)} -> ${c.after === undefined ? "(none)" : JSON.stringify(c.after)}`,
  ),
});
