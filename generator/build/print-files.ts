/**
 * The printing step of the build: file plans -> file text. Printing in this thread is the one
 * strategy today; a worker strategy would be another `PrintFiles`, handed to `buildPackage`, with
 * the same plans in and the same files out (the plans are plain data, so they cross threads).
 */
import type { ApiIR } from "../ir/types.ts";
import { libraryOutputs, type Output } from "../emit/outputs.ts";
import type { OutputFile } from "../output/write-tree.ts";
import type { CliNaming } from "../plan/cli/naming-file.ts";
import type { PackageInfo } from "../plan/package-info.ts";
import { planPackage, type PackagePlan } from "../plan/package-plan.ts";
import { isTextFile, type FilePlan } from "../print/source-file.ts";
import { printPlannedFile } from "../print/source-printer.ts";

export type PrintFiles = (pkg: PackageInfo, files: readonly FilePlan[]) => OutputFile[];

export const printInThread: PrintFiles = (pkg, files) =>
  files.map((file) => (isTextFile(file) ? file : printPlannedFile(pkg, file)));

/**
 * The files of `selected` outputs, in order, each output described then printed before the next:
 * only one output's structures are alive at a time.
 */
export function printOutputs(
  plan: PackagePlan,
  selected: readonly Output[],
  print: PrintFiles = printInThread,
): OutputFile[] {
  return selected.flatMap((output) => print(plan.pkg, output.emit(plan)));
}

/**
 * The library's sources of one package (`src/**` without the CLI), planned and printed: what the
 * diff's SDK layer reads, and what the emitter tests compile.
 */
export function emitSources(api: ApiIR, pkg: PackageInfo, cliNaming?: CliNaming): OutputFile[] {
  const plan = planPackage(api, pkg, { cliNaming }).value;
  return printOutputs(plan, libraryOutputs);
}
