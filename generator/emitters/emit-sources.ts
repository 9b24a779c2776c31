/**
 * The TypeScript sources of one generated package (`src/**`), from the IR alone, printed in this
 * thread. Package files (package.json, README, tsconfig) are emitted separately by `scaffold/`.
 */
import type { ApiIR } from "../ir/types.ts";
import type { ConvenienceModel } from "./convenience/convenience-model.ts";
import type { OutputFile } from "../output/write-tree.ts";
import type { PackageInfo } from "./package-info.ts";
import { sourceFiles } from "./source-files.ts";
import { planSources } from "./source-plan.ts";
import { printPlannedFile } from "./source-printer.ts";

export function emitSources(api: ApiIR, pkg: PackageInfo, convenience?: ConvenienceModel): OutputFile[] {
  const { runtime, steps } = sourceFiles(planSources(api, pkg), convenience);
  return [...runtime, ...steps.flatMap((step) => step().map((file) => printPlannedFile(pkg, file)))];
}
