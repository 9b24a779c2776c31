/** `request-property-added-required`: A required property was added to something the client sends. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyAddedRequired = defineRule({
  id: "request-property-added-required",
  level: "error",
  azureLevel: "error",
  azureCode: "1034 AddedRequiredProperty",
  direction: "request",
  description: "A required property was added to something the client sends.",
  why: "clients built against the old version do not send it, so the server rejects their requests",
  taxonomy: "Row 18: oasdiff new-required-request-property (ERR); Azure 1034 (Error); Optic, pb33f breaking.",
  check: on("property-added", "request", (c) =>
    c.required ? `required property added${c.note ? ` (${c.note})` : ""}` : undefined,
  ),
});
