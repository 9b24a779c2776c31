/** `response-header-added`: A response header was added. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseHeaderAdded = defineRule({
  id: "response-header-added",
  level: "info",
  azureLevel: "info",
  azureCode: "1013 AddingHeader",
  direction: "response",
  description: "A response header was added.",
  why: "clients that do not read it are unaffected",
  taxonomy: "Row 38: oasdiff response-header-added (INFO); Azure 1013 (Info).",
  check: on("header-added", "response", (c) => "response header added"),
});
