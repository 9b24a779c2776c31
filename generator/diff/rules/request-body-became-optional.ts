/** `request-body-became-optional`: A required request body became optional. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBodyBecameOptional = defineRule({
  id: "request-body-became-optional",
  level: "info",
  direction: "request",
  description: "A required request body became optional.",
  why: "clients that send a body keep working",
  taxonomy: "Row 14 (inverse): oasdiff request-body-became-optional (INFO).",
  check: on("request-body-required-changed", "request", (c) =>
    c.required ? undefined : "request body became optional",
  ),
});
