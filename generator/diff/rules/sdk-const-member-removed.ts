/** `sdk-const-member-removed`: A member of an exported const object or enum was removed. */
import { defineSdkRule } from "./define.ts";

export const sdkConstMemberRemoved = defineSdkRule({
  id: "sdk-const-member-removed",
  level: { input: "error", output: "error" },
  description: "A member of an exported const object or enum was removed.",
  why: "code referring to it no longer compiles",
});
