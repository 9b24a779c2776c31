/** `response-became-nullable`: Something the client receives may now be null. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseBecameNullable = defineRule({
  id: "response-became-nullable",
  level: "error",
  direction: "response",
  description: "Something the client receives may now be null.",
  why: "clients that dereference the value fail on null",
  taxonomy: "Row 26: oasdiff response-property-became-nullable (ERR); pb33f breaking.",
  check: on("nullable-changed", "response", (c) => (c.nullable ? "became nullable" : undefined)),
});
