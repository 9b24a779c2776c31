/** `request-body-added-optional`: An operation without a request body accepts an optional one. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBodyAddedOptional = defineRule({
  id: "request-body-added-optional",
  level: "info",
  direction: "request",
  description: "An operation without a request body accepts an optional one.",
  why: "clients that send no body keep working",
  taxonomy: "Row 14 (optional case): oasdiff request-body-added-optional (INFO).",
  check: on("request-body-added", "request", (c) => (c.required ? undefined : "optional request body added")),
});
