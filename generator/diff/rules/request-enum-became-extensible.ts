/** `request-enum-became-extensible`: A closed enum the client sends became extensible. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestEnumBecameExtensible = defineRule({
  id: "request-enum-became-extensible",
  level: "info",
  azureLevel: "error",
  azureCode: "1047 XmsEnumChanged",
  direction: "request",
  description: "A closed enum the client sends became extensible.",
  why: "every value clients sent before is still accepted",
  taxonomy: "Row 31: Azure 1047 (Error, for the SDK type change); on the wire a widening.",
  check: on("enum-extensibility-changed", "request", (c) =>
    c.extensible ? "closed enum became extensible" : undefined,
  ),
});
