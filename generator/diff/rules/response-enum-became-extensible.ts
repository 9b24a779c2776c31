/** `response-enum-became-extensible`: A closed enum the client receives became extensible (open). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseEnumBecameExtensible = defineRule({
  id: "response-enum-became-extensible",
  level: "warning",
  azureLevel: "error",
  azureCode: "1047 XmsEnumChanged",
  direction: "response",
  description: "A closed enum the client receives became extensible (open).",
  why: "the server may now send values clients do not handle",
  taxonomy: "Row 31: Azure 1047 (Error). oasdiff has no rule. Warning like a closed-enum addition (row 27).",
  peer: "api-smart-diff: breaking (it sees an `anyOf` branch added). Warning, like a value added to a closed enum.",
  check: on("enum-extensibility-changed", "response", (c) =>
    c.extensible ? "closed enum became extensible" : undefined,
  ),
});
