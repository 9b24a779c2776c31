/** `sdk-property-became-mutable`: A `readonly` property became writable. */
import { defineSdkRule } from "./define.ts";

export const sdkPropertyBecameMutable = defineSdkRule({
  id: "sdk-property-became-mutable",
  level: { input: "info", output: "info" },
  description: "A `readonly` property became writable.",
  why: "existing code still compiles",
});
