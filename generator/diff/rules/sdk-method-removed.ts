/** `sdk-method-removed`: A method was removed from an interface or class. */
import { defineSdkRule } from "./define.ts";

export const sdkMethodRemoved = defineSdkRule({
  id: "sdk-method-removed",
  level: { input: "error", output: "error" },
  description: "A method was removed from an interface or class.",
  why: {
    input: "object literals implementing it no longer compile (excess property check)",
    output: "code calling it no longer compiles",
  },
});
