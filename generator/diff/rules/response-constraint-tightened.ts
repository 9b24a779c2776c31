/** `response-constraint-tightened`: A bound of something the client receives was tightened. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseConstraintTightened = defineRule({
  id: "response-constraint-tightened",
  level: "info",
  azureLevel: "error",
  azureCode: "1024 ConstraintIsStronger",
  direction: "response",
  description: "A bound of something the client receives was tightened.",
  why: "every value clients receive was already valid before",
  taxonomy: "Row 32: not breaking in responses (oasdiff INFO); Azure 1024 (Error).",
  check: on("constraint-changed", "response", (c) =>
    c.relation === "tightened"
      ? `${c.constraint} ${c.before === undefined ? "(none)" : String(c.before)} -> ${c.after === undefined ? "(none)" : String(c.after)}`
      : undefined,
  ),
});
