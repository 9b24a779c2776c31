/** `request-parameter-location-changed`: A parameter moved between path, query, header and cookie. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterLocationChanged = defineRule({
  id: "request-parameter-location-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1015 ParameterInHasChanged",
  direction: "request",
  description: "A parameter moved between path, query, header and cookie.",
  why: "clients send it where the server no longer reads it",
  taxonomy: "Row 11: Azure 1015 (Error); pb33f breaking; oasdiff sees remove + add.",
  check: on(
    "parameter-location-changed",
    "request",
    (c) => `parameter moved from ${String(c.before)} to ${String(c.after)}`,
  ),
});
