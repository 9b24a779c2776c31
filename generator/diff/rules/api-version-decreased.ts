/** `api-version-decreased`: The new document's date-based api-version is older than the old one's. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const apiVersionDecreased = defineRule({
  id: "api-version-decreased",
  level: "warning",
  azureLevel: "warning",
  azureCode: "1000 VersionsReversed",
  direction: "none",
  description: "The new document's date-based api-version is older than the old one's.",
  why: "the documents are probably compared the wrong way round",
  taxonomy:
    "Row 47: oasdiff api-version-decreased (INFO, raisable); Azure 1000 (Warning). `api-version-not-bumped` is not checked: a document diffed with itself must report nothing.",
  check: on("api-version-decreased", "none", (c) => `api version ${String(c.before)} -> ${String(c.after)}`),
});
