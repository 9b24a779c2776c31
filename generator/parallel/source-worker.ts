/**
 * The worker of a parallel package build: prints TypeScript with ts-morph, which only this thread
 * loads (it starts loading as soon as the worker is created). The main thread describes the files
 * (`SourceFilePlan`s, plain data) and sends them as each emitter finishes; this thread prints them
 * in the order they come. The last message carries the CLI's command table: the worker prints the
 * CLI's files around it and answers once with every file, or with the error that stopped it (a
 * bug, rethrown by the caller).
 */
import { parentPort } from "node:worker_threads";
import { cliFiles } from "../emitters/cli/emit-cli.ts";
import type { CommandTable } from "../emitters/cli/command-table.ts";
import type { PackageInfo } from "../emitters/package-info.ts";
import type { SourceFilePlan } from "../emitters/source-file.ts";
import { printPlannedFile } from "../emitters/source-printer.ts";
import type { OutputFile } from "../output/write-tree.ts";

export type SourceMessage =
  | { readonly kind: "print"; readonly pkg: PackageInfo; readonly files: readonly SourceFilePlan[] }
  | { readonly kind: "cli"; readonly pkg: PackageInfo; readonly table: CommandTable };

export type SourceReply = { readonly files: OutputFile[] } | { readonly error: unknown };

const printed: OutputFile[] = [];

function handle(message: SourceMessage): SourceReply | undefined {
  if (message.kind === "print") {
    for (const file of message.files) printed.push(printPlannedFile(message.pkg, file));
    return undefined;
  }
  return { files: [...printed, ...cliFiles(message.pkg, message.table)] };
}

parentPort?.on("message", (message: SourceMessage) => {
  let reply: SourceReply | undefined;
  try {
    reply = handle(message);
  } catch (error) {
    reply = { error };
  }
  if (reply) parentPort?.postMessage(reply);
});
