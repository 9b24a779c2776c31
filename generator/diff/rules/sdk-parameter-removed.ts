/** `sdk-parameter-removed`: A parameter was removed. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterRemoved = defineSdkRule({
  id: "sdk-parameter-removed",
  level: { input: "error", output: "error" },
  description: "A parameter was removed.",
  why: "calls passing it no longer compile, and later arguments shift",
});
