/** `response-type-specialized`: Something the client receives holds fewer values (format added, int64 -> int32). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseTypeSpecialized = defineRule({
  id: "response-type-specialized",
  level: "info",
  azureLevel: "error",
  azureCode: "1023 TypeFormatChanged",
  direction: "response",
  description: "Something the client receives holds fewer values (format added, int64 -> int32).",
  why: "every value clients receive was already valid before",
  taxonomy:
    "Row 25 (inverse): oasdiff has no error for a response narrowing. Azure 1023 is Error except for int64 -> int32 in responses; the azure profile keeps Error.",
  check: on("type-changed", "response", (c) =>
    c.relation === "specialized" ? `type narrowed: ${c.detail}` : undefined,
  ),
});
