/** `response-became-non-nullable`: Something the client receives is never null any more. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseBecameNonNullable = defineRule({
  id: "response-became-non-nullable",
  level: "info",
  direction: "response",
  description: "Something the client receives is never null any more.",
  why: "clients that handled null keep working",
  taxonomy: "Row 26 (inverse): oasdiff response-property-became-not-nullable (INFO).",
  peer: "api-smart-diff: breaking (its nullable rule ignores direction). Never receiving null breaks no client that handled it.",
  check: on("nullable-changed", "response", (c) => (c.nullable ? undefined : "no longer nullable")),
});
