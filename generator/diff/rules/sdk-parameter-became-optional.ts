/** `sdk-parameter-became-optional`: A required parameter became optional. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterBecameOptional = defineSdkRule({
  id: "sdk-parameter-became-optional",
  level: { input: "info", output: "info" },
  description: "A required parameter became optional.",
  why: "existing calls still compile",
});
