/** `security-scheme-changed`: A security scheme kept its name but changed how credentials are sent (kind, header, signing, scopes). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const securitySchemeChanged = defineRule({
  id: "security-scheme-changed",
  level: "error",
  direction: "request",
  description: "A security scheme kept its name but changed how credentials are sent (kind, header, signing, scopes).",
  why: "clients send credentials the way the server no longer accepts",
  taxonomy:
    "Row 42: pb33f breaking; oasdiff api-security-component-* (INFO). Changed signing or scopes break existing credentials, so error.",
  check: on("security-scheme-changed", "request", (c) => `security scheme changed: ${c.detail}`),
});
