/** `response-property-became-write-only`: A property the client received became writeOnly. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responsePropertyBecameWriteOnly = defineRule({
  id: "response-property-became-write-only",
  level: "warning",
  azureLevel: "error",
  azureCode: "1029 ReadonlyPropertyChanged",
  direction: "response",
  description: "A property the client received became writeOnly.",
  why: "clients stop receiving it",
  taxonomy:
    "Row 23: oasdiff response-*-became-write-only; Azure 1029 (Error). A write-only property that becomes readable shows as a response property added.",
  check: on("property-became-write-only", "response", (c) => "property became write-only"),
});
