/** `operation-removed-after-deprecation`: An operation that the old version marked deprecated was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationRemovedAfterDeprecation = defineRule({
  id: "operation-removed-after-deprecation",
  level: "warning",
  azureLevel: "error",
  azureCode: "1035 RemovedOperation",
  direction: "none",
  description: "An operation that the old version marked deprecated was removed.",
  why: "clients were warned by the deprecation, but those still calling it break",
  taxonomy:
    "Row 3: oasdiff api-removed-with-deprecation (INFO); TS SDK view B (the function is still removed). Warning, not info: the notice does not make existing callers work. Sunset dates are not in the IR, so `api-removed-before-sunset` is not checked. Azure has no deprecation logic: 1035 Error.",
  peer: "api-smart-diff: breaking (it has no deprecation logic). Warning, not error: the deprecation was the notice.",
  check: on("operation-removed", "none", (c) => (c.deprecated ? "deprecated operation removed" : undefined)),
});
