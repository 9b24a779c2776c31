/** `sdk-export-removed`: An exported name was removed. */
import { defineSdkRule } from "./define.ts";

export const sdkExportRemoved = defineSdkRule({
  id: "sdk-export-removed",
  level: { input: "error", output: "error" },
  description: "An exported name was removed.",
  why: "code importing it no longer compiles",
});
