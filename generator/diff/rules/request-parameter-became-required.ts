/** `request-parameter-became-required`: An optional parameter became required. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterBecameRequired = defineRule({
  id: "request-parameter-became-required",
  level: "error",
  azureLevel: "error",
  azureCode: "1025 RequiredStatusChange",
  direction: "request",
  description: "An optional parameter became required.",
  why: "clients that omit it are now rejected",
  taxonomy: "Row 9: oasdiff request-parameter-became-required (ERR); Azure 1025 (Error); Optic breaking.",
  check: on("parameter-required-changed", "request", (c) => (c.required ? "parameter became required" : undefined)),
});
