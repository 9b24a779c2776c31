/** `response-required-header-removed`: A required response header was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseRequiredHeaderRemoved = defineRule({
  id: "response-required-header-removed",
  level: "error",
  azureLevel: "warning",
  azureCode: "1014 RemovingHeader",
  direction: "response",
  description: "A required response header was removed.",
  why: "clients relying on the header no longer get it",
  taxonomy: "Row 37: oasdiff required-response-header-removed (ERR); Azure 1014 (Warning).",
  check: on("header-removed", "response", (c) => (c.required ? "required response header removed" : undefined)),
});
