/** `request-optional-body-removed`: An optional request body was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestOptionalBodyRemoved = defineRule({
  id: "request-optional-body-removed",
  level: "warning",
  azureLevel: "warning",
  azureCode: "1046 RemovedOptionalParameter",
  direction: "request",
  description: "An optional request body was removed.",
  why: "clients that send it may be rejected or have it silently ignored, like an optional parameter removed",
  taxonomy:
    "Row 15: oasdiff request-body-removed (ERR) makes no difference for optional bodies; Azure treats an optional body like an optional parameter (1046 Warning), and so do we (row 8).",
  peer: "api-smart-diff: breaking. We follow the optional parameter (WARN): servers usually ignore what they no longer read.",
  check: on("request-body-removed", "request", (c) => (c.required ? undefined : "optional request body removed")),
});
