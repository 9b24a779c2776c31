/**
 * The diff engine's entry: two IRs in, the changes between them out. Operations are matched by
 * method and path template with parameter names ignored (`/users/{id}` = `/users/{userId}`).
 */
import type { ApiIR, OperationIR } from "../../ir/types.ts";
import { DiffContext } from "./diff-context.ts";
import { compareDocument } from "./diff-document.ts";
import { compareOperation, operationLabel } from "./diff-operation.ts";
import type { Change } from "../types.ts";

export interface LocatedChange {
  readonly change: Change;
  /** For changes inside a model: the operations that reach the model, sorted. */
  readonly operations: readonly string[];
}

const operationKey = (op: OperationIR) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;

export function diffApis(oldApi: ApiIR, newApi: ApiIR): LocatedChange[] {
  const ctx = new DiffContext(oldApi, newApi);
  const before = new Map(oldApi.operations.map((op) => [operationKey(op), op]));
  const after = new Map(newApi.operations.map((op) => [operationKey(op), op]));
  for (const [key, op] of before) {
    if (after.has(key)) continue;
    const label = operationLabel(op);
    const anchor = { kind: "operation", old: { method: op.method, path: op.path } } as const;
    ctx.emit(
      { kind: "operation-removed", deprecated: op.deprecated },
      { direction: "none", operation: label, root: label, path: [], anchor },
    );
  }
  for (const [key, op] of after) {
    const old = before.get(key);
    if (old) compareOperation(ctx, old, op);
    else {
      const label = operationLabel(op);
      const anchor = { kind: "operation", new: { method: op.method, path: op.path } } as const;
      ctx.emit({ kind: "operation-added" }, { direction: "none", operation: label, root: label, path: [], anchor });
    }
  }
  compareDocument(ctx);
  return ctx.changes();
}
