/** `global-security-removed`: The document-level `security` requirement stopped accepting an alternative (including anonymous access). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const globalSecurityRemoved = defineRule({
  id: "global-security-removed",
  level: "error",
  direction: "request",
  description:
    "The document's `security` requirement stopped accepting an alternative; a requirement added where there was none removes anonymous access.",
  why: "clients of every operation without its own security that call with that alternative (or without credentials) are refused",
  taxonomy:
    "Row 42: 'B (add)' in the table: requiring auth where none was needed breaks those clients; oasdiff api-global-security-added/-removed are INFO by default.",
  check: on("global-security-removed", "request", (c) =>
    c.before === "anonymous"
      ? "credentials now required (anonymous access removed)"
      : `security alternative ${JSON.stringify(c.before)} no longer accepted`,
  ),
});
