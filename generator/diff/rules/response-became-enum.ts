/** `response-became-enum`: Something the client receives was restricted to a closed list of values. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseBecameEnum = defineRule({
  id: "response-became-enum",
  level: "info",
  direction: "response",
  description: "Something the client receives was restricted to a closed list of values.",
  why: "every value clients receive was already valid before",
  taxonomy: "Row 29: not breaking in responses.",
  check: on("became-enum", "response", (c) => "became a closed enum"),
});
