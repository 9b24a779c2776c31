/** `sdk-extends-changed`: What an interface or class extends or implements changed. */
import { defineSdkRule } from "./define.ts";

export const sdkExtendsChanged = defineSdkRule({
  id: "sdk-extends-changed",
  level: { input: "warning", output: "warning" },
  description: "What an interface or class extends or implements changed.",
  why: "inherited members may have appeared or gone",
});
