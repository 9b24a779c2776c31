/** `response-success-status-removed`: A 2XX status was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseSuccessStatusRemoved = defineRule({
  id: "response-success-status-removed",
  level: "error",
  azureLevel: "info",
  azureCode: "1012 RemovedResponseCode",
  direction: "response",
  description: "A 2XX status was removed.",
  why: "clients handling that status (and its body) no longer get it",
  taxonomy: "Row 40: oasdiff response-success-status-removed (ERR); Optic, pb33f breaking; Azure 1012 (Info).",
  check: on("status-removed", "response", (c) =>
    c.success ? `success status ${String(c.before)} removed` : undefined,
  ),
});
