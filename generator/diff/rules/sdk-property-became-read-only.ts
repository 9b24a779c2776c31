/** `sdk-property-became-read-only`: A property became `readonly`. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyBecameReadOnly = defineSdkRule({
  id: "sdk-property-became-read-only",
  level: { input: "warning", output: "warning" },
  description: "A property became `readonly`.",
  why: "code assigning to it no longer compiles",
});
