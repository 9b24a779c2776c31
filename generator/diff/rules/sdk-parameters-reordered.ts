/** `sdk-parameters-reordered`: Parameters kept their names but changed order. */
import { defineSdkRule } from "./define.ts";

export const sdkParametersReordered = defineSdkRule({
  id: "sdk-parameters-reordered",
  level: { input: "error", output: "error" },
  description: "Parameters kept their names but changed order.",
  why: "existing calls pass arguments in the old order",
});
