/** `request-body-became-required`: An optional request body became required. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBodyBecameRequired = defineRule({
  id: "request-body-became-required",
  level: "error",
  azureLevel: "error",
  azureCode: "1025 RequiredStatusChange",
  direction: "request",
  description: "An optional request body became required.",
  why: "clients that send no body are now rejected",
  taxonomy: "Row 14: oasdiff request-body-became-required (ERR).",
  check: on("request-body-required-changed", "request", (c) =>
    c.required ? "request body became required" : undefined,
  ),
});
