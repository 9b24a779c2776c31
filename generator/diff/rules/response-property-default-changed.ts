/** `response-property-default-changed`: The default of a property the client receives changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responsePropertyDefaultChanged = defineRule({
  id: "response-property-default-changed",
  level: "info",
  azureLevel: "error",
  azureCode: "1027 DefaultValueChanged",
  direction: "response",
  description: "The default of a property the client receives changed.",
  why: "documentation only for clients: the server sends the value",
  taxonomy: "Row 36: oasdiff response-property-default-value-* (INFO); Azure 1027 (Error).",
  check: on(
    "property-default-changed",
    "response",
    (c) =>
      `default ${c.before === undefined ? "(none)" : JSON.stringify(c.before)} -> ${c.after === undefined ? "(none)" : JSON.stringify(c.after)}`,
  ),
});
