/** `sdk-parameter-added-required`: A required parameter was added. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterAddedRequired = defineSdkRule({
  id: "sdk-parameter-added-required",
  level: { input: "error", output: "error" },
  description: "A required parameter was added.",
  why: "existing calls pass too few arguments",
});
