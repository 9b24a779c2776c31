/** `sdk-property-removed`: A property was removed from an interface or class. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyRemoved = defineSdkRule({
  id: "sdk-property-removed",
  level: { input: "error", output: "error" },
  description: "A property was removed from an interface or class.",
  why: {
    input: "object literals that set it no longer compile (excess property check)",
    output: "code reading it no longer compiles",
  },
});
