/** `response-optional-property-removed`: An optional property was removed from something the client receives. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseOptionalPropertyRemoved = defineRule({
  id: "response-optional-property-removed",
  level: "warning",
  azureLevel: "error",
  azureCode: "1033 RemovedProperty",
  direction: "response",
  description: "An optional property was removed from something the client receives.",
  why: "clients had to cope with its absence, but stop getting the data",
  taxonomy: "Row 19: oasdiff response-optional-property-removed (WARN); Azure 1033 (Error); Optic breaking.",
  check: on("property-removed", "response", (c) => (c.required ? undefined : "optional property removed")),
});
