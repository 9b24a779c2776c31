/** `response-property-became-required`: An optional property of something the client receives became required. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responsePropertyBecameRequired = defineRule({
  id: "response-property-became-required",
  level: "info",
  azureLevel: "error",
  azureCode: "1025 RequiredStatusChange",
  direction: "response",
  description: "An optional property of something the client receives became required.",
  why: "clients now always get what they had to treat as optional",
  taxonomy: "Row 20: oasdiff response-property-became-required (INFO); Azure 1025 (Error).",
  check: on("property-required-changed", "response", (c) => (c.required ? "property became required" : undefined)),
});
