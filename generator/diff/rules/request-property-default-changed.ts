/** `request-property-default-changed`: The default of a property the client sends changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyDefaultChanged = defineRule({
  id: "request-property-default-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1027 DefaultValueChanged",
  direction: "request",
  description: "The default of a property the client sends changed or was removed.",
  why: "clients that omit it get a different value applied by the server",
  taxonomy:
    "Row 36: oasdiff says INFO, but Azure 1027 (Error), pb33f and api-smart-diff call it breaking, and it is the same server-side change as a parameter default (row 13, ERR everywhere): error.",
  check: on("property-default-changed", "request", (c) =>
    c.before === undefined
      ? undefined
      : `default ${c.before === undefined ? "(none)" : JSON.stringify(c.before)} -> ${c.after === undefined ? "(none)" : JSON.stringify(c.after)}`,
  ),
});
