/** `sdk-property-became-optional`: A required property became optional. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyBecameOptional = defineSdkRule({
  id: "sdk-property-became-optional",
  level: { input: "info", output: "error" },
  description: "A required property became optional.",
  why: {
    input: "object literals that set it still compile",
    output: "code reading it now gets `T | undefined`, which strict code must handle",
  },
});
