/** `sdk-method-added`: A required method was added to an interface or class. */
import { defineSdkRule } from "./define.ts";

export const sdkMethodAdded = defineSdkRule({
  id: "sdk-method-added",
  level: { input: "error", output: "info" },
  description: "A required method was added to an interface or class.",
  why: {
    input: "user implementations of the interface no longer compile without it",
    output: "existing code does not call it",
  },
});
