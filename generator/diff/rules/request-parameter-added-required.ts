/** `request-parameter-added-required`: A required query, header, path or cookie parameter was added. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterAddedRequired = defineRule({
  id: "request-parameter-added-required",
  level: "error",
  azureLevel: "error",
  azureCode: "1010 AddingRequiredParameter",
  direction: "request",
  description: "A required query, header, path or cookie parameter was added.",
  why: "clients built against the old version do not send it, so the server rejects their requests",
  taxonomy: "Row 6: oasdiff new-required-request-parameter (ERR); Azure 1010 (Error); Optic, pb33f breaking.",
  check: on("parameter-added", "request", (c) => (c.required ? "required parameter added" : undefined)),
});
