/** `property-deprecated`: A property became deprecated. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const propertyDeprecated = defineRule({
  id: "property-deprecated",
  level: "info",
  direction: "any",
  description: "A property became deprecated.",
  why: "it still works; clients are told to move off it",
  taxonomy: "Row 48: oasdiff *-property-deprecated (INFO).",
  check: on("property-deprecated", "any", (c) => "property deprecated"),
});
