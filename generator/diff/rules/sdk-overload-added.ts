/** `sdk-overload-added`: A function or method gained a call signature (overload). */
import { defineSdkRule } from "./define.ts";

export const sdkOverloadAdded = defineSdkRule({
  id: "sdk-overload-added",
  level: { input: "info", output: "info" },
  description: "A function or method gained a call signature (overload).",
  why: "existing calls match an old signature",
});
