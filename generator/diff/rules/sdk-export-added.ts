/** `sdk-export-added`: A name was added to the package's exports. */
import { defineSdkRule } from "./define.ts";

export const sdkExportAdded = defineSdkRule({
  id: "sdk-export-added",
  level: { input: "info", output: "info" },
  description: "A name was added to the package's exports.",
  why: "existing code does not use it",
});
