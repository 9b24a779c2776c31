/** `sdk-parameter-added-optional`: An optional parameter was added after all others. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterAddedOptional = defineSdkRule({
  id: "sdk-parameter-added-optional",
  level: { input: "info", output: "info" },
  description: "An optional parameter was added after all others.",
  why: "existing calls still compile",
});
