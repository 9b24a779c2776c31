/** `operation-id-changed`: The operationId was added, removed or changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationIdChanged = defineRule({
  id: "operation-id-changed",
  level: "info",
  azureLevel: "error",
  azureCode: "1008 ModifiedOperationId",
  direction: "none",
  description: "The operationId was added, removed or changed.",
  why: "nothing changes on the wire; generated SDK method names may change (see the SDK view)",
  taxonomy:
    "Row 4: oasdiff api-operation-id-* (INFO) on the wire; Azure 1008 (Error) and pb33f (breaking) judge the SDK name, which the TypeScript-API layer reports.",
  check: on(
    "operation-id-changed",
    "none",
    (c) => `operationId ${JSON.stringify(c.before ?? null)} -> ${JSON.stringify(c.after ?? null)}`,
  ),
});
