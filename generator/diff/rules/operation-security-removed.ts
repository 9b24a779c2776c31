/** `operation-security-removed`: An operation stopped accepting an authentication alternative (including anonymous access). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationSecurityRemoved = defineRule({
  id: "operation-security-removed",
  level: "error",
  direction: "request",
  description: "An operation stopped accepting an authentication alternative (including anonymous access).",
  why: "clients using that alternative are refused",
  taxonomy:
    "Row 42: 'B (add)' in the table: requiring auth where none was needed, or dropping an alternative, breaks those clients; oasdiff api-security-removed is INFO by default.",
  check: on(
    "operation-security-removed",
    "request",
    (c) => `security alternative ${JSON.stringify(c.before)} no longer accepted`,
  ),
});
