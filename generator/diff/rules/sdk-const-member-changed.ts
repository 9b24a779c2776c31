/** `sdk-const-member-changed`: A member of an exported const object or enum has a new value. */
import { defineSdkRule } from "./define.ts";

export const sdkConstMemberChanged = defineSdkRule({
  id: "sdk-const-member-changed",
  level: { input: "warning", output: "warning" },
  description: "A member of an exported const object or enum has a new value.",
  why: "code referring to it compiles but sends or compares a different value",
});
