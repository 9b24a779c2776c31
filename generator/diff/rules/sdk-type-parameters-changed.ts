/** `sdk-type-parameters-changed`: The generic type parameters of an export changed. */
import { defineSdkRule } from "./define.ts";

export const sdkTypeParametersChanged = defineSdkRule({
  id: "sdk-type-parameters-changed",
  level: { input: "error", output: "error" },
  description: "The generic type parameters of an export changed.",
  why: "code supplying the old type arguments no longer compiles",
});
