/** `sdk-const-changed`: The type or value of an exported const changed. */
import { defineSdkRule } from "./define.ts";

export const sdkConstChanged = defineSdkRule({
  id: "sdk-const-changed",
  level: { input: "warning", output: "warning" },
  description: "The type or value of an exported const changed.",
  why: "code using it may not compile or may behave differently",
});
