/**
 * The TypeScript sources of one generated package (`src/**`), from the IR alone. Package files
 * (package.json, README, tsconfig) are emitted separately by `scaffold/`.
 */
import type { ApiIR } from "../ir/types.ts";
import type { OutputFile } from "../output/write-tree.ts";
import { copyRuntime } from "./copy-runtime.ts";
import { emitClient } from "./emit-client.ts";
import { emitContext } from "./emit-context.ts";
import { emitIndex } from "./emit-index.ts";
import { emitModels } from "./emit-models.ts";
import { emitOperations } from "./emit-operations.ts";
import { emitRequestEncoding } from "./emit-request-encoding.ts";
import { emitSerialization } from "./emit-serialization.ts";
import { emitServiceError } from "./emit-service-error.ts";
import type { PackageInfo } from "./package-info.ts";
import { planSources } from "./source-plan.ts";

export function emitSources(api: ApiIR, pkg: PackageInfo): OutputFile[] {
  const plan = planSources(api, pkg);
  const models = emitModels(plan);
  return [
    ...copyRuntime(plan),
    ...models,
    ...emitSerialization(plan),
    ...emitRequestEncoding(plan),
    ...emitOperations(plan),
    ...emitContext(plan),
    ...emitServiceError(plan),
    ...emitClient(plan),
    ...emitIndex(plan, models.length > 0),
  ];
}
