/** `request-parameter-added-optional`: An optional parameter was added. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterAddedOptional = defineRule({
  id: "request-parameter-added-optional",
  level: "info",
  azureLevel: "info",
  azureCode: "1043 AddingOptionalParameter",
  direction: "request",
  description: "An optional parameter was added.",
  why: "clients that do not send it keep working",
  taxonomy: "Row 7: oasdiff new-optional-request-parameter (INFO); Azure 1043 (Info cross-version).",
  check: on("parameter-added", "request", (c) => (c.required ? undefined : "optional parameter added")),
});
