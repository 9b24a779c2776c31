/** `response-extensible-enum-value-added`: A value was added to an extensible (open) enum the client receives. */
import { defineRule } from "./define.ts";
import { on, listValues } from "./match.ts";

export const responseExtensibleEnumValueAdded = defineRule({
  id: "response-extensible-enum-value-added",
  level: "info",
  azureLevel: "info",
  azureCode: "1020 AddedEnumValue",
  direction: "response",
  description: "A value was added to an extensible (open) enum the client receives.",
  why: "clients of an open enum must already accept unknown values",
  taxonomy:
    "Row 30: oasdiff honours x-extensible-enum (no finding), pb33f never breaking; Azure 1020 ignores modelAsString (Info cross-version).",
  peer: "api-smart-diff: breaking (it does not read `anyOf [string, enum]` as an open enum). Clients of an open enum must accept unknown values.",
  check: on("enum-values-added", "response", (c) =>
    c.extensible ? `value(s) added to an extensible enum: ${listValues(c.values)}` : undefined,
  ),
});
