/** `request-property-added-optional`: An optional property was added to something the client sends. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyAddedOptional = defineRule({
  id: "request-property-added-optional",
  level: "info",
  azureLevel: "info",
  azureCode: "1045 AddedOptionalProperty",
  direction: "request",
  description: "An optional property was added to something the client sends.",
  why: "clients that do not send it keep working",
  taxonomy: "Row 17: oasdiff new-optional-request-property (INFO); Azure 1045 (Info).",
  check: on("property-added", "request", (c) =>
    c.required ? undefined : `optional property added${c.note ? ` (${c.note})` : ""}`,
  ),
});
