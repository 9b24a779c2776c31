/** `sdk-export-became-value`: A type-only export now also exports a value. */
import { defineSdkRule } from "./define.ts";

export const sdkExportBecameValue = defineSdkRule({
  id: "sdk-export-became-value",
  level: { input: "info", output: "info" },
  description: "A type-only export now also exports a value.",
  why: "type uses keep compiling",
});
