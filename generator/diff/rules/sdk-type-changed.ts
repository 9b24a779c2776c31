/** `sdk-type-changed`: A type changed to one that neither contains nor is contained in the old one. */
import { defineSdkRule } from "./define.ts";

export const sdkTypeChanged = defineSdkRule({
  id: "sdk-type-changed",
  level: { input: "error", output: "error" },
  description: "A type changed to one that neither contains nor is contained in the old one.",
  why: "code written against the old type no longer compiles",
});
