/** `sdk-parameter-became-required`: An optional parameter became required. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterBecameRequired = defineSdkRule({
  id: "sdk-parameter-became-required",
  level: { input: "error", output: "error" },
  description: "An optional parameter became required.",
  why: "calls that leave it out no longer compile",
});
