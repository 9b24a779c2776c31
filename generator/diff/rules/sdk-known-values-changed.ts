/** `sdk-known-values-changed`: The listed values of an extensible union (`(string & {})`) changed. */
import { defineSdkRule } from "./define.ts";

export const sdkKnownValuesChanged = defineSdkRule({
  id: "sdk-known-values-changed",
  level: { input: "info", output: "info" },
  description: "The listed values of an extensible union (`(string & {})`) changed.",
  why: "the type still admits any string; only the suggestions changed",
});
