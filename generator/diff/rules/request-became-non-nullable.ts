/** `request-became-non-nullable`: Something the client sends no longer accepts null. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBecameNonNullable = defineRule({
  id: "request-became-non-nullable",
  level: "error",
  direction: "request",
  description: "Something the client sends no longer accepts null.",
  why: "clients that send null are now rejected",
  taxonomy: "Row 26 (inverse): oasdiff request-property-became-not-nullable (ERR).",
  check: on("nullable-changed", "request", (c) => (c.nullable ? undefined : "no longer nullable")),
});
