/** `request-property-default-added`: A property the client sends gained a default where none was declared. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestPropertyDefaultAdded = defineRule({
  id: "request-property-default-added",
  level: "info",
  direction: "request",
  description: "A property the client sends that declared no default now declares one.",
  why: "the server already applied some value when clients omitted the property; declaring it documents that behaviour",
  taxonomy:
    "Row 36: oasdiff request-property-default-value-added (INFO); Azure 1027 (Error). A changed or removed default stays an error (request-property-default-changed).",
  check: on("property-default-changed", "request", (c) =>
    c.before === undefined ? `default (none) -> ${JSON.stringify(c.after)}` : undefined,
  ),
});
