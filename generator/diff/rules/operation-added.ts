/** `operation-added`: An operation (new path or new method) was added. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationAdded = defineRule({
  id: "operation-added",
  level: "info",
  azureLevel: "warning",
  azureCode: "1039 AddedOperation / 1038 AddedPath",
  direction: "none",
  description: "An operation (new path or new method) was added.",
  why: "existing clients never call it",
  taxonomy: "Row 1: oasdiff endpoint-added (INFO); Azure 1038/1039 (Warning cross-version).",
  check: on("operation-added", "none", (c) => "operation added"),
});
