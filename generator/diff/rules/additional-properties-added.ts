/** `additional-properties-added`: An object now allows (typed) additional properties. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const additionalPropertiesAdded = defineRule({
  id: "additional-properties-added",
  level: "info",
  azureLevel: "info",
  azureCode: "1021 AddedAdditionalProperties",
  direction: "any",
  description: "An object now allows (typed) additional properties.",
  why: "more keys are accepted; generated types gain an index signature",
  taxonomy: "Row 45: Azure 1021 (Info).",
  check: on("additional-properties-added", "any", (c) => "additional properties allowed"),
});
