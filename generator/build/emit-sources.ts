/**
 * The TypeScript sources of one generated package (`src/**`), from the IR alone, printed in this
 * thread. Package files (package.json, README, tsconfig) are emitted separately by `scaffold/`.
 */
import type { ApiIR } from "../ir/types.ts";
import type { ConvenienceModel } from "../plan/convenience/convenience-model.ts";
import type { OutputFile } from "../output/write-tree.ts";
import type { PackageInfo } from "../plan/package-info.ts";
import { sourceFiles } from "../emit/outputs.ts";
import { planSources } from "../plan/source-plan.ts";
import { printPlannedFile } from "../print/source-printer.ts";

export function emitSources(api: ApiIR, pkg: PackageInfo, convenience?: ConvenienceModel): OutputFile[] {
  const { runtime, steps } = sourceFiles(planSources(api, pkg), convenience);
  return [...runtime, ...steps.flatMap((step) => step().map((file) => printPlannedFile(pkg, file)))];
}
