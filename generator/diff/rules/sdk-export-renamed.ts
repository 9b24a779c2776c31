/** `sdk-export-renamed`: An export was renamed: same declaration, new name. */
import { defineSdkRule } from "./define.ts";

export const sdkExportRenamed = defineSdkRule({
  id: "sdk-export-renamed",
  level: { input: "error", output: "error" },
  description: "An export was renamed: same declaration, new name.",
  why: "code importing the old name no longer compiles",
});
