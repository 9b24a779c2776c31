/** `sdk-type-widened`: A type now admits more values (a union member added, a literal widened). */
import { defineSdkRule } from "./define.ts";

export const sdkTypeWidened = defineSdkRule({
  id: "sdk-type-widened",
  level: { input: "info", output: "error" },
  description: "A type now admits more values (a union member added, a literal widened).",
  why: {
    input: "every value accepted before is still accepted",
    output: "code that uses the value as the old type no longer compiles",
  },
});
