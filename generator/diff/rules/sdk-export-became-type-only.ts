/** `sdk-export-became-type-only`: A value export (function, class, const) is now exported as a type only. */
import { defineSdkRule } from "./define.ts";

export const sdkExportBecameTypeOnly = defineSdkRule({
  id: "sdk-export-became-type-only",
  level: { input: "error", output: "error" },
  description: "A value export (function, class, const) is now exported as a type only.",
  why: "value uses (calls, `new`, `instanceof`) no longer compile",
});
