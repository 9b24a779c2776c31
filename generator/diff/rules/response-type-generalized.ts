/** `response-type-generalized`: Something the client receives can hold more values (format dropped, int32 -> int64). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseTypeGeneralized = defineRule({
  id: "response-type-generalized",
  level: "error",
  azureLevel: "error",
  azureCode: "1023 TypeFormatChanged",
  direction: "response",
  description: "Something the client receives can hold more values (format dropped, int32 -> int64).",
  why: "clients may receive values they cannot represent or parse",
  taxonomy: "Row 25: oasdiff response-property-type-generalized (ERR); Azure 1023 (Error); pb33f breaking.",
  check: on("type-changed", "response", (c) =>
    c.relation === "generalized" ? `type widened: ${c.detail}` : undefined,
  ),
});
