/** `response-optional-header-removed`: An optional response header was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseOptionalHeaderRemoved = defineRule({
  id: "response-optional-header-removed",
  level: "warning",
  azureLevel: "warning",
  azureCode: "1014 RemovingHeader",
  direction: "response",
  description: "An optional response header was removed.",
  why: "clients reading it already had to cope with its absence, but may rely on it in practice",
  taxonomy: "Row 37: oasdiff optional-response-header-removed (WARN); Azure 1014 (Warning).",
  peer: "api-smart-diff: breaking. We follow oasdiff (WARN): an optional header could always be absent.",
  check: on("header-removed", "response", (c) => (c.required ? undefined : "optional response header removed")),
});
