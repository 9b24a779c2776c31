/** `request-constraint-added`: A bound (min/max, length, items, multipleOf, uniqueItems) was newly set on something the client sends. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestConstraintAdded = defineRule({
  id: "request-constraint-added",
  level: "warning",
  azureLevel: "error",
  azureCode: "1036 ConstraintChanged",
  direction: "request",
  description: "A bound (min/max, length, items, multipleOf, uniqueItems) was newly set on something the client sends.",
  why: "values clients sent before may fall outside the new bound",
  taxonomy: "Row 34: oasdiff request-*-max-set (WARN); Azure 1036 (Error); pb33f not breaking.",
  peer: "api-smart-diff: breaking. We follow oasdiff (WARN): most existing values usually satisfy a newly set bound.",
  check: on("constraint-changed", "request", (c) =>
    c.relation === "added"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
