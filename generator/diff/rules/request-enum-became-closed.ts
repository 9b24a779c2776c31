/** `request-enum-became-closed`: An extensible enum the client sends became closed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestEnumBecameClosed = defineRule({
  id: "request-enum-became-closed",
  level: "error",
  azureLevel: "error",
  azureCode: "1047 XmsEnumChanged",
  direction: "request",
  description: "An extensible enum the client sends became closed.",
  why: "clients sending values outside the list are now rejected",
  taxonomy: "Row 31: Azure 1047 (Error).",
  check: on("enum-extensibility-changed", "request", (c) =>
    c.extensible ? undefined : "extensible enum became closed",
  ),
});
