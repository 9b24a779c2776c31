/** `response-error-status-removed`: A non-2XX status (or default) was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseErrorStatusRemoved = defineRule({
  id: "response-error-status-removed",
  level: "info",
  azureLevel: "info",
  azureCode: "1012 RemovedResponseCode",
  direction: "response",
  description: "A non-2XX status (or default) was removed.",
  why: "clients still treat any non-2XX as an error",
  taxonomy: "Row 41: oasdiff response-non-success-status-removed (INFO); pb33f breaking (we follow oasdiff).",
  peer: "api-smart-diff: breaking. We follow oasdiff (INFO): clients treat every non-2XX as an error whether documented or not.",
  check: on("status-removed", "response", (c) => (c.success ? undefined : `error status ${String(c.before)} removed`)),
});
