/** `security-scheme-added`: A document-level authentication alternative was added. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const securitySchemeAdded = defineRule({
  id: "security-scheme-added",
  level: "info",
  direction: "request",
  description: "A document-level authentication alternative was added.",
  why: "clients may keep using the schemes they already use",
  taxonomy: "Row 42: oasdiff api-global-security-added (INFO).",
  check: on("security-scheme-added", "request", (c) => "security scheme added"),
});
