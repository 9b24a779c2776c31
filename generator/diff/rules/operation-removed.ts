/** `operation-removed`: An operation that was not deprecated was removed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationRemoved = defineRule({
  id: "operation-removed",
  level: "error",
  azureLevel: "error",
  azureCode: "1035 RemovedOperation / 1005 RemovedPath",
  direction: "none",
  description: "An operation that was not deprecated was removed.",
  why: "clients calling it get 404/405 and the SDK function disappears",
  taxonomy: "Row 2: oasdiff api-removed-without-deprecation (ERR); Azure 1035/1005 (Error); Optic and pb33f breaking.",
  check: on("operation-removed", "none", (c) =>
    c.deprecated ? undefined : "operation removed without being deprecated first",
  ),
});
