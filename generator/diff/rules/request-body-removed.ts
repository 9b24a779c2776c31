/** `request-body-removed`: A required request body was removed (an optional one: `request-optional-body-removed`). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestBodyRemoved = defineRule({
  id: "request-body-removed",
  level: "error",
  azureLevel: "error",
  azureCode: "1009 RemovedRequiredParameter",
  direction: "request",
  description: "A required request body was removed.",
  why: "clients keep sending a body the server no longer reads or accepts",
  taxonomy: "Row 15: oasdiff request-body-removed (ERR); Azure 1009/1046.",
  check: on("request-body-removed", "request", (c) => (c.required ? "request body removed" : undefined)),
});
