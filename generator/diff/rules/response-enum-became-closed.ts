/** `response-enum-became-closed`: An extensible enum the client receives became closed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseEnumBecameClosed = defineRule({
  id: "response-enum-became-closed",
  level: "info",
  azureLevel: "error",
  azureCode: "1047 XmsEnumChanged",
  direction: "response",
  description: "An extensible enum the client receives became closed.",
  why: "clients receive only values they already had to handle",
  taxonomy: "Row 31: Azure 1047 (Error, for the SDK type change); on the wire a narrowing.",
  check: on("enum-extensibility-changed", "response", (c) =>
    c.extensible ? undefined : "extensible enum became closed",
  ),
});
