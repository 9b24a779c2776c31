/** `request-enum-dropped`: A closed enum the client sends became its plain base type. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestEnumDropped = defineRule({
  id: "request-enum-dropped",
  level: "info",
  direction: "request",
  description: "A closed enum the client sends became its plain base type.",
  why: "every value clients sent before is still valid",
  taxonomy: "Row 29: dropping an enum in a request is a widening (not breaking).",
  check: on("enum-dropped", "request", (c) => "enum restriction dropped"),
});
