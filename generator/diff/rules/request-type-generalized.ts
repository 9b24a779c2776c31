/** `request-type-generalized`: Something the client sends accepts more values (format dropped, int32 -> int64, integer -> number, a literal widened to its type, anything -> unknown). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestTypeGeneralized = defineRule({
  id: "request-type-generalized",
  level: "info",
  azureLevel: "error",
  azureCode: "1023 TypeFormatChanged",
  direction: "request",
  description:
    "Something the client sends accepts more values (format dropped, int32 -> int64, integer -> number, a literal widened to its type, anything -> unknown).",
  why: "every value clients sent before is still valid",
  taxonomy:
    "Row 25: oasdiff request-property-type-generalized (INFO). Azure 1023 is Error except for int32 -> int64 in requests; the azure profile keeps Error for all widenings.",
  peer: "api-smart-diff: breaking (it judges any format change in requests as breaking). Widening what a server accepts breaks no client.",
  check: on("type-changed", "request", (c) => (c.relation === "generalized" ? `type widened: ${c.detail}` : undefined)),
});
