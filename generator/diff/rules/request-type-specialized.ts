/** `request-type-specialized`: Something the client sends accepts fewer values (format added, int64 -> int32, number -> integer). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestTypeSpecialized = defineRule({
  id: "request-type-specialized",
  level: "error",
  azureLevel: "error",
  azureCode: "1023 TypeFormatChanged",
  direction: "request",
  description: "Something the client sends accepts fewer values (format added, int64 -> int32, number -> integer).",
  why: "values clients sent before may now be rejected",
  taxonomy: "Row 25 (inverse): oasdiff treats a request narrowing as a type change (ERR); Azure 1023 (Error).",
  check: on("type-changed", "request", (c) =>
    c.relation === "specialized" ? `type narrowed: ${c.detail}` : undefined,
  ),
});
