/** `sdk-parameter-renamed`: A parameter was renamed in place with the same type. */
import { defineSdkRule } from "./define.ts";

export const sdkParameterRenamed = defineSdkRule({
  id: "sdk-parameter-renamed",
  level: { input: "info", output: "info" },
  description: "A parameter was renamed in place with the same type.",
  why: "arguments are positional: the name is not part of a call",
});
