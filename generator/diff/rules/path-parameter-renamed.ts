/** `path-parameter-renamed`: A path template variable was renamed; the operation is the same (matched by method and normalised path). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const pathParameterRenamed = defineRule({
  id: "path-parameter-renamed",
  level: "info",
  direction: "request",
  description:
    "A path template variable was renamed; the operation is the same (matched by method and normalised path).",
  why: "the URL on the wire is the same; only the name in the spec changed",
  taxonomy:
    "Not a row of the table: oasdiff and OAD also match paths with parameter names ignored. The SDK argument name may change (TypeScript-API layer).",
  check: on(
    "path-parameter-renamed",
    "request",
    (c) => `path parameter {${String(c.before)}} renamed to {${String(c.after)}}`,
  ),
});
