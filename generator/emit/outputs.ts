/**
 * The TypeScript sources of one generated package (`src/**`), described (not printed): the runtime
 * files copied as they are, then one step per emitter, in the order the package lists its files.
 * `emit-sources.ts` prints them.
 */
import type { OutputFile } from "../output/write-tree.ts";
import { copyRuntime } from "./runtime/copy-runtime.ts";
import { emitClient } from "./client/emit-client.ts";
import type { ConvenienceModel } from "../plan/convenience/convenience-model.ts";
import { emitContext } from "./context/emit-context.ts";
import { emitConvenience } from "./convenience/emit-convenience.ts";
import { emitIndex } from "./index/emit-index.ts";
import { emitModels } from "./models/emit-models.ts";
import { emitOperations } from "./operations/emit-operations.ts";
import { emitRequestEncoding } from "./request-encoding/emit-request-encoding.ts";
import { emitSerialization } from "./serialization/emit-serialization.ts";
import { emitServiceError } from "./service-error/emit-service-error.ts";
import type { SourceFilePlan } from "../print/source-file.ts";
import type { SourcePlan } from "../plan/source-plan.ts";

export interface SourceFiles {
  /** The runtime modules the API needs, copied verbatim. */
  readonly runtime: OutputFile[];
  /** One step per emitter, each describing its files. */
  readonly steps: readonly (() => SourceFilePlan[])[];
}

/** @param convenience the naming file's convenience layer, when it declares one. */
export function sourceFiles(plan: SourcePlan, convenience?: ConvenienceModel): SourceFiles {
  return {
    runtime: copyRuntime(plan),
    steps: [
      () => emitModels(plan),
      () => emitSerialization(plan),
      () => emitRequestEncoding(plan),
      () => emitOperations(plan),
      () => emitContext(plan),
      () => emitServiceError(plan),
      () => emitClient(plan),
      () => (convenience ? emitConvenience(plan, convenience) : []),
      () => emitIndex(plan, plan.names.declarations.length > 0, convenience),
    ],
  };
}
