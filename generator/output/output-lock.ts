/**
 * One writer per output folder at a time. Two `generate` runs swapping trees into the same folder
 * at once interleave: one hard-links "unchanged" files out of a tree the other has just swapped
 * in, and the result is a mixed tree. So the writer holds a lock file beside the output folder
 * (`.<name>.lock`) from before it reads the old tree until after the swap. A second run does not
 * wait: it fails at once with `output-locked`, naming the holder (its build is no fresher than the
 * holder's, and waiting would turn a stopped holder into a hang).
 *
 * The lock never exists half-written: its text goes to a file of its own first, which is then
 * hard-linked to the lock's name; the link fails if the lock exists, as O_EXCL would. A lock left
 * by a killed run is stale when its process is gone (same host, pid not alive); the next run
 * removes it. A lock from another host (a shared folder), or a file that is not a specsmith lock,
 * is never presumed stale: the error says which file to delete once that run is known to be gone.
 */
import { randomUUID } from "node:crypto";
import { link, lstat, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { OutputFolderError } from "./output-folder-error.ts";

const ATTEMPTS = 5;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  /** Tells this process's own locks from a killed earlier run that had the same pid (containers). */
  readonly token: string;
}

export interface OutputLock {
  release(): Promise<void>;
}

/** The text of the locks this process holds now (see `Holder.token`). */
const heldHere = new Set<string>();

export function lockPath(root: string): string {
  return join(dirname(root), `.${basename(root)}.lock`);
}

/** Takes the lock of the output folder `root`, or throws `output-locked` while a live run holds it. */
export async function lockOutput(root: string): Promise<OutputLock> {
  const path = lockPath(root);
  const holder: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomUUID() };
  const text = `${JSON.stringify(holder)}\n`;
  // Ours from before it is published, so that a second write in this process sees it held.
  heldHere.add(text);
  try {
    await acquire(root, path, text, holder);
  } catch (error) {
    heldHere.delete(text);
    throw error;
  }
  await removeLeftovers(path);
  return { release: () => release(path, text) };
}

async function acquire(root: string, path: string, text: string, holder: Holder): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await publishExclusive(path, path, text, holder)) return;
    const found = await readLock(path, root);
    if (attempt >= ATTEMPTS || (found !== undefined && !isStale(found)))
      throw lockedError(root, path, found === undefined ? undefined : parseHolder(found));
    if (found !== undefined) await breakStaleLock(path, found, text, holder);
  }
}

/**
 * Publishes `text` at `target` (the lock at `path`, or the break marker beside it) whole, unless
 * `target` exists: written to a text file named after the lock and this run, then hard-linked.
 */
async function publishExclusive(path: string, target: string, text: string, holder: Holder): Promise<boolean> {
  const own = `${path}.${holder.pid}-${holder.token}`;
  await writeFile(own, text, { flag: "wx" });
  try {
    await link(own, target);
    return true;
  } catch (error) {
    // ENOENT: the lock's holder removed our text file as a leftover (see removeLeftovers).
    if (["EEXIST", "ENOENT"].includes((error as NodeJS.ErrnoException).code ?? "")) return false;
    throw error;
  } finally {
    await rm(own, { force: true });
  }
}

/**
 * What killed runs left beside the lock: text files (killed between writing and removing one, see
 * `publishExclusive`) and the break marker (killed while removing a stale lock). Called holding
 * the lock, when every other such file is a leftover or belongs to a run bound to find the lock
 * taken: removing its file only makes that run look again (the ENOENT above).
 */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const entry of await readdir(dirname(path))) {
    const rest = entry.slice(prefix.length);
    if (entry.startsWith(prefix) && (rest === "break" || /^\d+-[0-9a-f-]{36}$/.test(rest)))
      await rm(join(dirname(path), entry), { force: true });
  }
}

/** The lock's text, or undefined when there is no lock (any more). */
async function readLock(path: string, root: string): Promise<string | undefined> {
  try {
    if (!(await lstat(path)).isFile()) {
      throw new OutputFolderError(
        `${path}, where ${root}'s lock file belongs, is not a file; remove it`,
        "output-locked",
      );
    }
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const { pid, host, started, token } = value as Record<string, unknown>;
    if (
      !Number.isSafeInteger(pid) ||
      typeof host !== "string" ||
      typeof started !== "string" ||
      typeof token !== "string"
    )
      return undefined;
    return { pid: pid as number, host, started, token };
  } catch {
    return undefined;
  }
}

function isStale(text: string): boolean {
  const holder = parseHolder(text);
  if (!holder || holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(text);
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it exists, run by another user
  }
}

/**
 * Removes a stale lock, unless it changed since we read it. Several runs starting after a crash
 * all see the same stale lock; deleting it unconditionally would let a late one delete the fresh
 * lock an early one has just taken. So breaking is itself exclusive (a marker beside the lock,
 * held for two file operations, stale like a lock when its run was killed), and the lock is
 * removed only if its text is still the stale one.
 */
async function breakStaleLock(path: string, staleText: string, text: string, holder: Holder): Promise<void> {
  const marker = `${path}.break`;
  if (!(await publishExclusive(path, marker, text, holder))) {
    const breaker = await readFile(marker, "utf8").catch(() => undefined);
    if (breaker !== undefined && isStale(breaker)) await rm(marker, { force: true });
    else await sleep(20); // another run is removing the stale lock right now
    return;
  }
  try {
    if ((await readFile(path, "utf8").catch(() => undefined)) === staleText) await rm(path, { force: true });
  } finally {
    await rm(marker, { force: true });
  }
}

async function release(path: string, text: string): Promise<void> {
  heldHere.delete(text);
  // Only our own lock: were it ever taken over, the new holder keeps it.
  if ((await readFile(path, "utf8").catch(() => undefined)) === text) await rm(path, { force: true });
}

function lockedError(root: string, path: string, holder: Holder | undefined): OutputFolderError {
  const who = holder
    ? `another specsmith run (pid ${holder.pid} on ${holder.host}, since ${holder.started})`
    : "another program (the lock file is not specsmith's)";
  return new OutputFolderError(
    `${root} is being written by ${who}; run again when it has finished. If no such run exists, delete ${path}`,
    "output-locked",
  );
}
