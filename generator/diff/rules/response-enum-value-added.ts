/** `response-enum-value-added`: A value was added to a closed enum the client receives. */
import { defineRule } from "./define.ts";
import { on, listValues } from "./match.ts";

export const responseEnumValueAdded = defineRule({
  id: "response-enum-value-added",
  level: "warning",
  azureLevel: "info",
  azureCode: "1020 AddedEnumValue",
  direction: "response",
  description: "A value was added to a closed enum the client receives.",
  why: "clients that switch exhaustively over the values may not handle the new one",
  taxonomy:
    "Row 27: oasdiff response-property-enum-value-added (WARN); Optic breaking; Azure 1020 (Info cross-version).",
  peer: "api-smart-diff: breaking. Warning, as oasdiff: only clients that switch exhaustively over the values break.",
  check: on("enum-values-added", "response", (c) =>
    c.extensible ? undefined : `value(s) added to a closed enum: ${listValues(c.values)}`,
  ),
});
