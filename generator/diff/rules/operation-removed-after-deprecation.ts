/** `operation-removed-after-deprecation`: An operation that the old version marked deprecated was removed. */
import type { Rule } from "../types.ts";
import { on } from "./match.ts";

export const operationRemovedAfterDeprecation: Rule = {
  id: "operation-removed-after-deprecation",
  level: "info",
  azureLevel: "error",
  azureCode: "1035 RemovedOperation",
  direction: "none",
  description: "An operation that the old version marked deprecated was removed.",
  why: "clients were warned by the deprecation; the removal completes it",
  taxonomy: "Row 3: oasdiff api-removed-with-deprecation (INFO). Sunset dates are not in the IR, so `api-removed-before-sunset` is not checked. Azure has no deprecation logic: 1035 Error.",
  peer: "api-smart-diff: breaking (it has no deprecation logic). We follow oasdiff: the deprecation was the notice.",
  check: on("operation-removed", "none", (c) => (c.deprecated ? "deprecated operation removed" : undefined)),
};
