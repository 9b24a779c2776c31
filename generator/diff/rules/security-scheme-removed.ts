/** `security-scheme-removed`: A document-level authentication alternative was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const securitySchemeRemoved = defineRule({
  id: "security-scheme-removed",
  level: "error",
  direction: "request",
  description: "A document-level authentication alternative was removed.",
  why: "clients authenticating with it can no longer call the API",
  taxonomy:
    "Row 42: pb33f breaking. oasdiff reports it as INFO by default; we say error because a client configured with that credential stops working.",
  check: on("security-scheme-removed", "request", (c) => "security scheme removed"),
});
