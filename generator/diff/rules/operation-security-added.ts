/** `operation-security-added`: An operation accepts a new authentication alternative. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationSecurityAdded = defineRule({
  id: "operation-security-added",
  level: "info",
  direction: "request",
  description: "An operation accepts a new authentication alternative.",
  why: "clients may keep using the alternative they use",
  taxonomy: "Row 42: oasdiff api-security-added (INFO).",
  check: on("operation-security-added", "request", (c) => `security alternative ${JSON.stringify(c.after)} accepted`),
});
