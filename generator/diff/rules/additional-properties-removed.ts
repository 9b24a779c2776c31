/** `additional-properties-removed`: An object no longer declares additional properties. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const additionalPropertiesRemoved = defineRule({
  id: "additional-properties-removed",
  level: "warning",
  azureLevel: "error",
  azureCode: "1022 RemovedAdditionalProperties",
  direction: "any",
  description: "An object no longer declares additional properties.",
  why: "extra keys clients send (or read) are no longer part of the contract",
  taxonomy: "Row 45: Azure 1022 (Error); oasdiff/pb33f treat it as potentially breaking.",
  peer: "api-smart-diff: breaking. Warning: declared properties are unchanged; only undeclared keys leave the contract.",
  check: on("additional-properties-removed", "any", (c) => "additional properties no longer allowed"),
});
