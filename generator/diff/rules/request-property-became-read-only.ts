/** `request-property-became-read-only`: A property the client could send became readOnly. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyBecameReadOnly = defineRule({
  id: "request-property-became-read-only",
  level: "warning",
  azureLevel: "error",
  azureCode: "1029 ReadonlyPropertyChanged",
  direction: "request",
  description: "A property the client could send became readOnly.",
  why: "servers ignore or reject it in requests, so what clients send is lost",
  taxonomy:
    "Row 23: oasdiff request-*-became-read-only (INFO/WARN); Azure 1029 (Error). A read-only property that becomes writable shows as a request property added.",
  peer: "api-smart-diff: breaking. Warning: servers mostly ignore read-only input rather than reject it (oasdiff WARN/INFO).",
  check: on("property-became-read-only", "request", (c) => "property became read-only"),
});
