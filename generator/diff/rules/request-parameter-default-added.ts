/** `request-parameter-default-added`: A parameter without a declared default gained one. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestParameterDefaultAdded = defineRule({
  id: "request-parameter-default-added",
  level: "info",
  direction: "request",
  description: "A parameter that declared no default now declares one.",
  why: "the server already applied a value when clients omitted it; declaring the default documents that",
  taxonomy:
    "Row 13: oasdiff request-parameter-default-value-added (ERR); Azure 1027 (Error). We split the addition from a change: on real specs it documents an existing default, and a server whose behaviour really changed shows it as a changed default elsewhere.",
  check: on("parameter-default-changed", "request", (c) =>
    c.before === undefined ? `default (none) -> ${JSON.stringify(c.after)}` : undefined,
  ),
});
