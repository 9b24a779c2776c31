/** `response-header-became-required`: An optional response header became required. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseHeaderBecameRequired = defineRule({
  id: "response-header-became-required",
  level: "info",
  direction: "response",
  description: "An optional response header became required.",
  why: "clients now always get what they had to treat as optional",
  taxonomy: "Row 38 (inverse): a response guarantees more; oasdiff has no rule (not breaking).",
  peer: "api-smart-diff: breaking (its `required` rule ignores direction). A response that promises more breaks no client.",
  check: on("header-required-changed", "response", (c) => (c.required ? "response header became required" : undefined)),
});
