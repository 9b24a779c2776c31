/** `response-property-became-optional`: A required property of something the client receives became optional. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responsePropertyBecameOptional = defineRule({
  id: "response-property-became-optional",
  level: "error",
  azureLevel: "error",
  azureCode: "1025 RequiredStatusChange",
  direction: "response",
  description: "A required property of something the client receives became optional.",
  why: "clients that rely on it being present may read undefined",
  taxonomy: "Row 21: oasdiff response-property-became-optional (ERR); Azure 1025; Optic breaking.",
  check: on("property-required-changed", "response", (c) => (c.required ? undefined : "property became optional")),
});
