/** `sdk-property-added-optional`: An optional property (or method) was added to an interface or class. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyAddedOptional = defineSdkRule({
  id: "sdk-property-added-optional",
  level: { input: "info", output: "info" },
  description: "An optional property (or method) was added to an interface or class.",
  why: "existing code neither sets nor reads it",
});
