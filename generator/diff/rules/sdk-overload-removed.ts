/** `sdk-overload-removed`: A call signature (overload) of a function or method was removed. */
import { defineSdkRule } from "./define.ts";

export const sdkOverloadRemoved = defineSdkRule({
  id: "sdk-overload-removed",
  level: { input: "error", output: "error" },
  description: "A call signature (overload) of a function or method was removed.",
  why: "calls that matched it no longer compile",
});
