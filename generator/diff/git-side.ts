/**
 * A side of a diff named by a git ref: `origin/main:spec/openapi.yaml`, `HEAD~1:x.yaml`. The
 * document's folder at that ref is extracted (`git archive`, then `tar`, both through `execFile`:
 * no shell sees the argument) into a temporary folder, so the `$ref`s of a split document resolve
 * inside the same ref's tree, under the same rule as files on disk (only under the document's
 * folder). The path is relative to the repository's top folder, as `git show` reads it.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { promisify } from "node:util";
import type { Diagnostic } from "../diagnostics/diagnostics.ts";

const run = promisify(execFile);

export interface GitRef {
  readonly ref: string;
  /** Inside the repository, `/`-separated, relative to its top folder. */
  readonly path: string;
}

/** `ref:path` -> its parts; a Windows drive (`C:\x`) or an empty part is no git ref. */
export function parseGitRef(argument: string): GitRef | undefined {
  const colon = argument.indexOf(":");
  if (colon <= 0 || colon === argument.length - 1) return undefined;
  const ref = argument.slice(0, colon);
  const path = argument.slice(colon + 1).replace(/^\.\//, "");
  if (/^[A-Za-z]$/.test(ref) && /^[\\/]/.test(path)) return undefined;
  return { ref, path };
}

/** The extracted tree: the document's path in it, and a way to remove it. */
export interface GitCheckout {
  readonly file: string;
  /** Diagnostics of the loaded document name `<ref>:<path>`, never the temporary folder. */
  named(diagnostic: Diagnostic): Diagnostic;
  dispose(): void;
}

/** Extracts the document's folder at `ref`; a failure says why in one line (the caller names the side). */
export async function checkoutGitRef(
  gitRef: GitRef,
  cwd: string = process.cwd(),
): Promise<GitCheckout | { readonly failure: string }> {
  // git would read a leading "-" as an option (`--remote=...` to `git archive`), never as a ref.
  if (gitRef.ref.startsWith("-")) return { failure: `"${gitRef.ref}" is not a ref: it starts with "-"` };
  let top: string;
  try {
    top = (await run("git", ["rev-parse", "--show-toplevel"], { cwd })).stdout.trim();
  } catch (error) {
    return { failure: `not inside a git repository (${firstLine(error)})` };
  }
  try {
    await run("git", ["cat-file", "-e", `${gitRef.ref}^{commit}`], { cwd: top });
  } catch {
    return { failure: `git knows no commit "${gitRef.ref}"` };
  }
  try {
    const type = (await run("git", ["cat-file", "-t", `${gitRef.ref}:${gitRef.path}`], { cwd: top })).stdout.trim();
    if (type !== "blob")
      return { failure: `${gitRef.path} is a ${type === "tree" ? "folder" : type} at ${gitRef.ref}, not a file` };
  } catch {
    return { failure: `there is no ${gitRef.path} at ${gitRef.ref}` };
  }
  const folder = mkdtempSync(join(tmpdir(), "specsmith-diff-"));
  const dispose = () => rmSync(folder, { recursive: true, force: true });
  try {
    const tar = join(folder, "tree.tar");
    const tree = join(folder, "tree");
    await run("git", ["archive", "--format=tar", `--output=${tar}`, gitRef.ref, "--", dirname(gitRef.path)], {
      cwd: top,
    });
    mkdirSync(tree);
    await run("tar", ["-xf", tar, "-C", tree]);
    const rename = (text: string) => text.split(`${tree}${sep}`).join(`${gitRef.ref}:`);
    const named = (d: Diagnostic): Diagnostic => ({
      ...d,
      message: rename(d.message),
      ...(d.location ? { location: { ...d.location, file: rename(d.location.file) } } : {}),
    });
    return { file: join(tree, gitRef.path), named, dispose };
  } catch (error) {
    dispose();
    return { failure: `git archive failed (${firstLine(error)})` };
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr;
  return (stderr || (error as Error).message || "").split("\n")[0]!.trim();
}
