/** `request-became-enum`: Something the client sends was restricted to a closed list of values. */
import { defineRule } from "./define.ts";
import { on, listValues } from "./match.ts";

export const requestBecameEnum = defineRule({
  id: "request-became-enum",
  level: "error",
  direction: "request",
  description: "Something the client sends was restricted to a closed list of values.",
  why: "clients sending any other value are rejected",
  taxonomy:
    "Row 29: oasdiff request-property-became-enum (ERR); Optic 'cannot add enum to request'. Becoming an *extensible* enum accepts any value and is not reported on the wire.",
  check: on(
    "became-enum",
    "request",
    (c) =>
      `became a closed enum: ${listValues(Array.isArray(c.after) ? c.after.filter((v): v is string | number => typeof v === "string" || typeof v === "number") : [])}`,
  ),
});
