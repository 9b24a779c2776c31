/** `response-success-status-added`: A 2XX status was added to an operation. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseSuccessStatusAdded = defineRule({
  id: "response-success-status-added",
  level: "info",
  azureLevel: "error",
  azureCode: "1011 AddingResponseCode",
  direction: "response",
  description: "A 2XX status was added to an operation.",
  why: "generated clients accept any 2XX; strict clients may not expect the new code",
  taxonomy: "Row 39: oasdiff response-success-status-added (INFO); Azure 1011 (Error cross-version).",
  check: on("status-added", "response", (c) => (c.success ? `success status ${String(c.after)} added` : undefined)),
});
