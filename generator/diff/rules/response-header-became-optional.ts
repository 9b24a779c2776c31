/** `response-header-became-optional`: A required response header became optional. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseHeaderBecameOptional = defineRule({
  id: "response-header-became-optional",
  level: "error",
  direction: "response",
  description: "A required response header became optional.",
  why: "clients that expect it may not get it",
  taxonomy: "Row 38: oasdiff response-header-became-optional (ERR).",
  check: on("header-required-changed", "response", (c) => (c.required ? undefined : "response header became optional")),
});
