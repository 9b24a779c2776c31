/** `response-constraint-added`: A bound was newly set on something the client receives. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseConstraintAdded = defineRule({
  id: "response-constraint-added",
  level: "info",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "response",
  description: "A bound was newly set on something the client receives.",
  why: "every value clients receive was already valid before",
  taxonomy: "Row 34: oasdiff (INFO); Azure 1036 (Error).",
  check: on("constraint-changed", "response", (c) =>
    c.relation === "added"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
