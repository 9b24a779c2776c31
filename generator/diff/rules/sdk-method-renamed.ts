/** `sdk-method-renamed`: A method was renamed with the export it is named after (a client method of an operation whose function was renamed). */
import { defineSdkRule } from "./define.ts";

export const sdkMethodRenamed = defineSdkRule({
  id: "sdk-method-renamed",
  level: { input: "error", output: "error" },
  description:
    "A method was renamed with the export it is named after (a client method of an operation whose function was renamed).",
  why: "code calling the old name no longer compiles",
});
