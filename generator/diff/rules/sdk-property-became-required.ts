/** `sdk-property-became-required`: An optional property became required. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyBecameRequired = defineSdkRule({
  id: "sdk-property-became-required",
  level: { input: "error", output: "info" },
  description: "An optional property became required.",
  why: {
    input: "object literals that leave it out no longer compile",
    output: "code reading it still compiles (it is now always present)",
  },
});
