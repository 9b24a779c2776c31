/** `sdk-const-member-added`: A member was added to an exported const object or enum (e.g. a `Known*` value). */
import { defineSdkRule } from "./define.ts";

export const sdkConstMemberAdded = defineSdkRule({
  id: "sdk-const-member-added",
  level: { input: "info", output: "info" },
  description: "A member was added to an exported const object or enum (e.g. a `Known*` value).",
  why: "existing code does not use it",
});
