/** `request-constraint-tightened`: A bound of something the client sends was tightened (max decreased, min increased, multipleOf stricter). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestConstraintTightened = defineRule({
  id: "request-constraint-tightened",
  level: "error",
  azureLevel: "error",
  azureCode: "1024 ConstraintIsStronger",
  direction: "request",
  description:
    "A bound of something the client sends was tightened (max decreased, min increased, multipleOf stricter).",
  why: "values clients sent before may now be rejected",
  taxonomy: "Row 32: oasdiff request-*-max-decreased / min-increased (ERR); Azure 1024 (Error).",
  check: on("constraint-changed", "request", (c) =>
    c.relation === "tightened"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
