/**
 * Every output of a generated package, listed once, in the order the package lists its files:
 * the build sequence (`build/pipeline.ts`) walks this list. Each output is one folder of `emit/`
 * with one emitter, `(plan) => file plans`; adding an output is one folder plus one line here.
 */
import type { PackagePlan } from "../plan/package-plan.ts";
import type { FilePlan } from "../print/source-file.ts";
import { emitCli } from "./cli/emit-cli.ts";
import { emitClient } from "./client/emit-client.ts";
import { emitContext } from "./context/emit-context.ts";
import { emitConvenience } from "./convenience/emit-convenience.ts";
import { emitIndex } from "./index/emit-index.ts";
import { emitModels } from "./models/emit-models.ts";
import { emitOperations } from "./operations/emit-operations.ts";
import { emitScaffold } from "./package/emit-scaffold.ts";
import { emitRequestEncoding } from "./request-encoding/emit-request-encoding.ts";
import { copyRuntime } from "./runtime/copy-runtime.ts";
import { emitSerialization } from "./serialization/emit-serialization.ts";
import { emitServiceError } from "./service-error/emit-service-error.ts";

/** The one contract of an output: the files it writes, described from the plan alone. */
export type Emitter = (plan: PackagePlan) => readonly FilePlan[];

export interface Output {
  /** Its folder under `emit/`. */
  readonly folder: string;
  readonly emit: Emitter;
  /** Part of the library (`src/**` without the CLI): what the diff's SDK layer reads. */
  readonly library: boolean;
}

export const outputs: readonly Output[] = [
  { folder: "runtime", emit: copyRuntime, library: true },
  { folder: "models", emit: emitModels, library: true },
  { folder: "serialization", emit: emitSerialization, library: true },
  { folder: "request-encoding", emit: emitRequestEncoding, library: true },
  { folder: "operations", emit: emitOperations, library: true },
  { folder: "context", emit: emitContext, library: true },
  { folder: "service-error", emit: emitServiceError, library: true },
  { folder: "client", emit: emitClient, library: true },
  { folder: "convenience", emit: emitConvenience, library: true },
  { folder: "index", emit: emitIndex, library: true },
  { folder: "cli", emit: emitCli, library: false },
  { folder: "package", emit: emitScaffold, library: false },
];

/** The library's outputs (`src/**` without the CLI). */
export const libraryOutputs: readonly Output[] = outputs.filter((output) => output.library);
