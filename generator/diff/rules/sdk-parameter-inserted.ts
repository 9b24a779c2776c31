/** `sdk-parameter-inserted`: An optional parameter was added before existing ones. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterInserted = defineSdkRule({
  id: "sdk-parameter-inserted",
  level: { input: "error", output: "error" },
  description: "An optional parameter was added before existing ones.",
  why: "arguments after it land in the wrong position",
});
