/** `response-property-added`: A property was added to something the client receives. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responsePropertyAdded = defineRule({
  id: "response-property-added",
  level: "info",
  azureLevel: "info",
  azureCode: "1041 AddedPropertyInResponse",
  direction: "response",
  description: "A property was added to something the client receives.",
  why: "clients ignore properties they do not know (strict deserialisers aside)",
  taxonomy:
    "Rows 17/18: oasdiff response-*-property-added (INFO); Azure 1041 (Info). Azure's 1040 for read-only additions (Warning) is not split out.",
  check: on(
    "property-added",
    "response",
    (c) => `${c.required ? "required" : "optional"} property added${c.note ? ` (${c.note})` : ""}`,
  ),
});
