/** `request-optional-parameter-removed`: An optional parameter was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestOptionalParameterRemoved = defineRule({
  id: "request-optional-parameter-removed",
  level: "warning",
  azureLevel: "warning",
  azureCode: "1046 RemovedOptionalParameter",
  direction: "request",
  description: "An optional parameter was removed.",
  why: "clients that send it may be rejected or have it silently ignored",
  taxonomy: "Row 8: oasdiff request-parameter-removed (WARN); Azure 1046 (Warning).",
  peer: "api-smart-diff: breaking. We follow oasdiff (WARN): servers usually ignore parameters they no longer read.",
  check: on("parameter-removed", "request", (c) => (c.required ? undefined : "optional parameter removed")),
});
