/** `global-security-added`: The document-level `security` requirement accepts a new alternative. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const globalSecurityAdded = defineRule({
  id: "global-security-added",
  level: "info",
  direction: "request",
  description:
    "The document's `security` requirement accepts a new alternative (or was dropped: anonymous access allowed).",
  why: "clients may keep using the alternative they use",
  taxonomy: "Row 42: oasdiff api-global-security-added (INFO).",
  check: on("global-security-added", "request", (c) =>
    c.after === "anonymous"
      ? "anonymous access now allowed"
      : `security alternative ${JSON.stringify(c.after)} accepted`,
  ),
});
