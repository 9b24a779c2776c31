/** `response-error-status-added`: A non-2XX status (or default) was added. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseErrorStatusAdded = defineRule({
  id: "response-error-status-added",
  level: "info",
  azureLevel: "error",
  azureCode: "1011 AddingResponseCode",
  direction: "response",
  description: "A non-2XX status (or default) was added.",
  why: "errors are already errors to clients; a documented one only adds detail",
  taxonomy: "Row 41: oasdiff response-non-success-status-added (INFO); Azure 1011 (Error).",
  check: on("status-added", "response", (c) => (c.success ? undefined : `error status ${String(c.after)} added`)),
});
