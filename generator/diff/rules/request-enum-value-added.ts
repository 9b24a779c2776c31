/** `request-enum-value-added`: A value was added to an enum the client sends. */
import { defineRule } from "./define.ts";
import { on, listValues } from "./match.ts";

export const requestEnumValueAdded = defineRule({
  id: "request-enum-value-added",
  level: "info",
  azureLevel: "info",
  azureCode: "1020 AddedEnumValue",
  direction: "request",
  description: "A value was added to an enum the client sends.",
  why: "clients that never send it keep working",
  taxonomy: "Row 27: oasdiff request-property-enum-value-added (INFO); Azure 1020 (Info cross-version).",
  check: on("enum-values-added", "request", (c) => `enum value(s) added: ${listValues(c.values)}`),
});
