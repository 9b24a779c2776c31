/** `response-required-property-removed`: A required property was removed from something the client receives. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseRequiredPropertyRemoved = defineRule({
  id: "response-required-property-removed",
  level: "error",
  azureLevel: "error",
  azureCode: "1033 RemovedProperty",
  direction: "response",
  description: "A required property was removed from something the client receives.",
  why: "clients reading it get undefined where the contract promised a value",
  taxonomy: "Row 19: oasdiff response-required-property-removed (ERR); Azure 1033 (Error); Optic breaking.",
  check: on("property-removed", "response", (c) => (c.required ? "required property removed" : undefined)),
});
