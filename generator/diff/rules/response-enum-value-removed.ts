/** `response-enum-value-removed`: A value was removed from an enum the client receives. */
import { defineRule } from "./define.ts";
import { on, listValues } from "./match.ts";

export const responseEnumValueRemoved = defineRule({
  id: "response-enum-value-removed",
  level: "info",
  azureLevel: "error",
  azureCode: "1019 RemovedEnumValue",
  direction: "response",
  description: "A value was removed from an enum the client receives.",
  why: "clients simply stop receiving a value they already handle",
  taxonomy:
    "Row 28: oasdiff response-property-enum-value-removed (INFO); Azure 1019 ignores direction (Error); pb33f breaking.",
  check: on("enum-values-removed", "response", (c) => `enum value(s) removed: ${listValues(c.values)}`),
});
