/** `operation-deprecated`: An operation became deprecated. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationDeprecated = defineRule({
  id: "operation-deprecated",
  level: "info",
  direction: "none",
  description: "An operation became deprecated.",
  why: "it still works; clients are told to move off it",
  taxonomy: "Row 48: oasdiff endpoint-deprecated (INFO); pb33f ignores deprecation.",
  check: on("operation-deprecated", "none", (c) => "operation deprecated"),
});
