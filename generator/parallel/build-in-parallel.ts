/**
 * A package build on two threads, for large documents. A worker starts loading ts-morph (a tenth
 * of a second) while this thread loads the document and builds the IR. Then this thread describes
 * the TypeScript files (the emitters build ts-morph structures, plain data) and sends them over as
 * each emitter finishes, and the worker prints them (most of the work: ts-morph's writer); this
 * thread goes on with the CLI's command table and the scaffolding (package.json, README), and the
 * worker prints the CLI's files around the table last. Same files, same bytes, as `buildPackage` in
 * one thread; this thread never loads ts-morph, so the two together hold about what one would.
 */
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { OutputFile } from "../output/write-tree.ts";
import type { PackageBuild, PackageOptions } from "../package-analysis.ts";
import type { SourceMessage, SourceReply } from "./source-worker.ts";

/** Below this size a document builds in one thread: the worker's start-up would not pay off. */
export const PARALLEL_MIN_BYTES = 256 * 1024;

/** Whether `file` is large enough for a parallel build (false when it cannot be read: the build reports that). */
export function worthParallel(file: string): boolean {
  try {
    return statSync(file).size >= PARALLEL_MIN_BYTES;
  } catch {
    return false;
  }
}

export async function buildPackageInParallel(options: PackageOptions): Promise<PackageBuild> {
  const started = performance.now();
  // The worker first, then this thread's modules: the worker's start is the long pole.
  const worker = new SourceWorker();
  try {
    const [{ hasErrors }, { buildCliModel }, { commandTable }, { emitScaffold }, { sourceFiles }, { planSources }, { analyzePackage, reportBuilt }, { buildConvenienceModel }] =
      await Promise.all([
        import("../diagnostics.ts"),
        import("../emitters/cli/command-model.ts"),
        import("../emitters/cli/command-table.ts"),
        import("../emitters/scaffold/emit-scaffold.ts"),
        import("../emitters/source-files.ts"),
        import("../emitters/source-plan.ts"),
        import("../package-analysis.ts"),
        import("../emitters/convenience/convenience-model.ts"),
      ]);
    const { ready, ...analysis } = analyzePackage(options);
    if (!ready) return { ...analysis, files: [] };
    const { ir, pkg } = ready;
    const plan = planSources(ir, pkg);
    const convenience = options.cliNaming ? buildConvenienceModel(plan, options.cliNaming) : undefined;
    if (convenience && hasErrors(convenience.diagnostics)) return { ...analysis, diagnostics: [...analysis.diagnostics, ...convenience.diagnostics], files: [] };
    // Each emitter's files go to the worker as soon as they are described: it prints while the
    // next ones are built.
    const { runtime, steps } = sourceFiles(plan, convenience?.value);
    for (const step of steps) {
      const files = step();
      if (files.length > 0) worker.post({ kind: "print", pkg, files });
    }
    const cli = buildCliModel(ir, pkg, options.cliNaming);
    const diagnostics = [...analysis.diagnostics, ...(convenience?.diagnostics ?? []), ...cli.diagnostics];
    if (hasErrors(cli.diagnostics)) return { ...analysis, diagnostics, files: [] };
    worker.post({ kind: "cli", pkg, table: commandTable(plan, cli.value) });
    const scaffold = emitScaffold(ir, pkg, cli.value);
    const files = [...runtime, ...(await worker.reply), ...scaffold];
    reportBuilt(options.progress, ir, pkg, files, started);
    return { ...analysis, diagnostics, files };
  } finally {
    await worker.terminate();
  }
}

/** The worker, created at once so that it loads ts-morph while the IR is built; answers once. */
export class SourceWorker {
  readonly #worker: Worker;
  readonly #reply: Promise<OutputFile[]>;

  constructor() {
    this.#worker = new Worker(new URL("./worker-entry.js", import.meta.url));
    this.#reply = new Promise<OutputFile[]>((resolve, reject) => {
      this.#worker.once("message", (reply: SourceReply) => ("files" in reply ? resolve(reply.files) : reject(reply.error)));
      this.#worker.once("error", reject);
      this.#worker.once("exit", (code) => reject(new Error(`internal: the source worker exited (${code}) before answering`)));
    });
    // Settled later, or never when the build stops before asking: no unhandled rejection either way.
    this.#reply.catch(() => {});
  }

  post(message: SourceMessage): void {
    this.#worker.postMessage(message);
  }

  /** Every TypeScript file, once the worker has both messages. */
  get reply(): Promise<OutputFile[]> {
    return this.#reply;
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}
