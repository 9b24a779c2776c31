/** `request-parameter-default-changed`: A parameter's default was changed or removed (an added one: `request-parameter-default-added`). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterDefaultChanged = defineRule({
  id: "request-parameter-default-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1027 DefaultValueChanged",
  direction: "request",
  description: "A parameter's default was changed or removed.",
  why: "clients that omit the parameter get different server behaviour",
  taxonomy: "Row 13: oasdiff request-parameter-default-value-* (ERR); Azure 1027 (Error).",
  check: on("parameter-default-changed", "request", (c) =>
    c.before === undefined
      ? undefined
      : `default ${c.before === undefined ? "(none)" : JSON.stringify(c.before)} -> ${c.after === undefined ? "(none)" : JSON.stringify(c.after)}`,
  ),
});
