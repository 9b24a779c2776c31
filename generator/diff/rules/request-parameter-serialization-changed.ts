/** `request-parameter-serialization-changed`: A parameter's style, explode or allowReserved changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterSerializationChanged = defineRule({
  id: "request-parameter-serialization-changed",
  level: "error",
  direction: "request",
  description: "A parameter's style, explode or allowReserved changed.",
  why: "clients serialise the value in a format the server no longer parses",
  taxonomy:
    "Not a row: pb33f flags any parameter modification as breaking; oasdiff has no style rule. A different serialisation is a different wire format, so error.",
  check: on(
    "parameter-serialization-changed",
    "request",
    (c) => `serialization ${String(c.before)} -> ${String(c.after)}`,
  ),
});
