/** `sdk-export-kind-changed`: An export changed kind (e.g. interface to type alias, const to function). */
import { defineSdkRule } from "./define.ts";

export const sdkExportKindChanged = defineSdkRule({
  id: "sdk-export-kind-changed",
  level: { input: "warning", output: "warning" },
  description: "An export changed kind (e.g. interface to type alias, const to function).",
  why: "code relying on the old kind (extending it, calling it) may not compile",
});
