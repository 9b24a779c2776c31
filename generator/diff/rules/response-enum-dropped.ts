/** `response-enum-dropped`: A closed enum the client receives became its plain base type. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseEnumDropped = defineRule({
  id: "response-enum-dropped",
  level: "error",
  direction: "response",
  description: "A closed enum the client receives became its plain base type.",
  why: "clients may receive values outside the enum they handle",
  taxonomy: "Row 29: Optic 'cannot remove enum from response'; pb33f breaking.",
  check: on("enum-dropped", "response", (c) => "enum restriction dropped"),
});
