/** `request-property-removed`: A property was removed from something the client sends. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyRemoved = defineRule({
  id: "request-property-removed",
  level: "warning",
  azureLevel: "error",
  azureCode: "1033 RemovedProperty",
  direction: "request",
  description: "A property was removed from something the client sends.",
  why: "clients keep sending it; servers that reject unknown properties fail, others ignore it",
  taxonomy: "Row 19: oasdiff request-property-removed (WARN); Azure 1033 (Error).",
  check: on("property-removed", "request", (c) => "property removed"),
});
