/** `request-property-became-required`: An optional property of something the client sends became required. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyBecameRequired = defineRule({
  id: "request-property-became-required",
  level: "error",
  azureLevel: "error",
  azureCode: "1025 RequiredStatusChange",
  direction: "request",
  description: "An optional property of something the client sends became required.",
  why: "clients that omit it are now rejected",
  taxonomy: "Row 20: oasdiff request-property-became-required (ERR); Azure 1025; Optic breaking.",
  check: on("property-required-changed", "request", (c) => (c.required ? "property became required" : undefined)),
});
