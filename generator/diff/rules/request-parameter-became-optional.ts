/** `request-parameter-became-optional`: A required parameter became optional. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterBecameOptional = defineRule({
  id: "request-parameter-became-optional",
  level: "info",
  azureLevel: "info",
  azureCode: "1025 RequiredStatusChange",
  direction: "request",
  description: "A required parameter became optional.",
  why: "clients that send it keep working",
  taxonomy:
    "Row 10: oasdiff request-parameter-became-optional (INFO); Azure logs 1025 as Info. pb33f flags any change (breaking); we follow oasdiff.",
  check: on("parameter-required-changed", "request", (c) => (c.required ? undefined : "parameter became optional")),
});
