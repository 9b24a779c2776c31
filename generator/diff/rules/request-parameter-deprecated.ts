/** `request-parameter-deprecated`: A parameter became deprecated. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterDeprecated = defineRule({
  id: "request-parameter-deprecated",
  level: "info",
  direction: "request",
  description: "A parameter became deprecated.",
  why: "it still works; clients are told to stop sending it",
  taxonomy: "Row 48: oasdiff request-parameter-deprecated (INFO).",
  check: on("parameter-deprecated", "request", (c) => "parameter deprecated"),
});
