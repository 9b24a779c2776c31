/** `request-body-added-required`: An operation without a request body now requires one. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBodyAddedRequired = defineRule({
  id: "request-body-added-required",
  level: "error",
  azureLevel: "error",
  azureCode: "1010 AddingRequiredParameter",
  direction: "request",
  description: "An operation without a request body now requires one.",
  why: "clients built against the old version send no body and are rejected",
  taxonomy: "Row 14: oasdiff request-body-added-required (ERR); Azure 1010 (Error).",
  check: on("request-body-added", "request", (c) => (c.required ? "required request body added" : undefined)),
});
