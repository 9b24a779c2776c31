/** `sdk-type-narrowed`: A type now admits fewer values. */
import { defineSdkRule } from "./define.ts";

export const sdkTypeNarrowed = defineSdkRule({
  id: "sdk-type-narrowed",
  level: { input: "error", output: "info" },
  description: "A type now admits fewer values.",
  why: {
    input: "code passing the values that were dropped no longer compiles",
    output: "every value is still of the old type",
  },
});
