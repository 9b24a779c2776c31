/** `request-property-became-optional`: A required property of something the client sends became optional. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyBecameOptional = defineRule({
  id: "request-property-became-optional",
  level: "info",
  azureLevel: "error",
  azureCode: "1025 RequiredStatusChange",
  direction: "request",
  description: "A required property of something the client sends became optional.",
  why: "clients that send it keep working",
  taxonomy: "Row 21: oasdiff request-property-became-optional (INFO); Azure 1025 (Error).",
  check: on("property-required-changed", "request", (c) => (c.required ? undefined : "property became optional")),
});
