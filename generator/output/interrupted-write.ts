/**
 * What a killed writer leaves, and putting it right. The writer swaps a tree in with two renames
 * (`out` -> `.out.previous-<pid>`, `.out.staging-<pid>` -> `out`). Node cannot exchange two paths
 * atomically (no renameat2(RENAME_EXCHANGE)), so between the renames `out` does not exist. Making
 * `out` a symlink to versioned folders would make the swap one atomic rename, but `out` is usually
 * committed to git (`generated/`), where a symlink is not the tree. So a crash is repaired by the
 * next run instead, under the output lock, from the evidence on disk:
 *
 * - `out` missing and a previous folder beside it: killed between the renames; the previous folder
 *   is the old tree, complete (it was renamed whole), and is renamed back. The new tree is not
 *   rolled forward: the run doing the repair is about to write its own.
 * - any staging or previous folder otherwise: killed while staging or while deleting the old tree,
 *   `out` is whole; the leftovers are deleted.
 *
 * `check`, which never writes, describes the same evidence instead.
 */
import { lstat, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { reachedStep } from "./test-hook.ts";

export function stagingFolder(root: string): string {
  return join(dirname(root), `.${basename(root)}.staging-${process.pid}`);
}

export function previousFolder(root: string): string {
  return join(dirname(root), `.${basename(root)}.previous-${process.pid}`);
}

/** What to do about an interrupted run: a previous tree to rename back, folders to delete. */
interface Repair {
  readonly restore?: string;
  readonly remove: readonly string[];
}

async function planRepair(root: string): Promise<Repair> {
  const parent = dirname(root);
  const entries = await readdir(parent).catch(() => []);
  const named = (kind: string) => {
    const prefix = `.${basename(root)}.${kind}-`;
    return entries
      .filter((entry) => entry.startsWith(prefix) && /^\d+$/.test(entry.slice(prefix.length)))
      .sort()
      .map((entry) => join(parent, entry));
  };
  const previous = named("previous");
  const leftovers = [...named("staging"), ...previous];
  const rootMissing = await lstat(root).then(
    () => false,
    () => true,
  );
  if (!rootMissing || previous.length === 0) return { remove: leftovers };
  const restore = await newest(previous);
  return { restore, remove: leftovers.filter((folder) => folder !== restore) };
}

/**
 * Repairs what an interrupted run left (call it holding the output lock). Returns what was done,
 * for the user (nothing when there was nothing to repair).
 */
export async function recoverInterruptedWrite(root: string): Promise<string[]> {
  const repair = await planRepair(root);
  if (repair.restore) {
    await rename(repair.restore, root);
    reachedStep("after-restore");
  }
  for (const folder of repair.remove) await rm(folder, { recursive: true, force: true });
  reachedStep("after-recovery");
  return describe(repair, {
    restore: "a generate run was killed while swapping in new output; restored the previous output from",
    remove: "removed the folders a killed generate run left:",
  });
}

/** The same evidence, described without touching anything (for `check`). */
export async function describeInterruptedWrite(root: string): Promise<string[]> {
  return describe(await planRepair(root), {
    restore:
      "a generate run was killed while swapping in new output, so the folder is missing; the next `generate` restores the previous output from",
    remove: "the next `generate` removes the folders a killed generate run left:",
  });
}

function describe(repair: Repair, says: { readonly restore: string; readonly remove: string }): string[] {
  const notes: string[] = [];
  if (repair.restore) notes.push(`${says.restore} ${basename(repair.restore)}`);
  if (repair.remove.length > 0)
    notes.push(`${says.remove} ${repair.remove.map((folder) => basename(folder)).join(", ")}`);
  return notes;
}

/**
 * Runs repair under the lock before writing, so at most one previous folder can exist while `out`
 * is missing; should there be more (left by an older specsmith), the last renamed (newest ctime)
 * holds the latest output.
 */
async function newest(folders: readonly string[]): Promise<string> {
  const times = await Promise.all(folders.map(async (folder) => ({ folder, ctime: (await stat(folder)).ctimeMs })));
  return times.reduce((a, b) => (b.ctime > a.ctime ? b : a)).folder;
}
