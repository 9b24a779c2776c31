/** `sdk-property-added-required`: A required property was added to an interface or class. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyAddedRequired = defineSdkRule({
  id: "sdk-property-added-required",
  level: { input: "error", output: "info" },
  description: "A required property was added to an interface or class.",
  why: {
    input: "object literals (and implementations) of the type no longer compile without it",
    output: "code reading the type is unaffected",
  },
});
