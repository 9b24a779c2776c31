/** `request-became-nullable`: Something the client sends now also accepts null. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBecameNullable = defineRule({
  id: "request-became-nullable",
  level: "info",
  direction: "request",
  description: "Something the client sends now also accepts null.",
  why: "clients that never send null keep working",
  taxonomy: "Row 26: oasdiff request-property-became-nullable (INFO). Azure does not compare nullability.",
  peer: "api-smart-diff: breaking (its nullable rule ignores direction). Accepting null as well breaks no client that never sends it.",
  check: on("nullable-changed", "request", (c) => (c.nullable ? "became nullable" : undefined)),
});
