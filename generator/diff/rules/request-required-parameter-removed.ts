/** `request-required-parameter-removed`: A required parameter was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestRequiredParameterRemoved = defineRule({
  id: "request-required-parameter-removed",
  level: "warning",
  azureLevel: "error",
  azureCode: "1009 RemovedRequiredParameter",
  direction: "request",
  description: "A required parameter was removed.",
  why: "clients keep sending it; most servers ignore unknown parameters but some reject them",
  taxonomy: "Row 8: oasdiff request-parameter-removed (WARN); Azure 1009 (Error).",
  peer: "api-smart-diff: breaking. We follow oasdiff (WARN): servers usually ignore parameters they no longer read.",
  check: on("parameter-removed", "request", (c) => (c.required ? "required parameter removed" : undefined)),
});
