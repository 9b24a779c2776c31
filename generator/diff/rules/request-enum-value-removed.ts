/** `request-enum-value-removed`: A value was removed from an enum the client sends (open or closed). */
import { defineRule } from "./define.ts";
import { on, listValues } from "./match.ts";

export const requestEnumValueRemoved = defineRule({
  id: "request-enum-value-removed",
  level: "error",
  azureLevel: "error",
  azureCode: "1019 RemovedEnumValue",
  direction: "request",
  description: "A value was removed from an enum the client sends (open or closed).",
  why: "clients sending it are rejected",
  taxonomy: "Rows 28/30: oasdiff request-property-enum-value-removed (ERR); Azure 1019 (Error); Optic breaking.",
  check: on("enum-values-removed", "request", (c) => `enum value(s) removed: ${listValues(c.values)}`),
});
