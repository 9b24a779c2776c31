/**
 * The writer's lock on an output folder, in-process: a live holder (or one on another host, or a
 * file that is no specsmith lock) turns a write away with `output-locked` and leaves everything as
 * it was; a holder that is gone is removed; the lock is released however the write ends.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeProblem } from "../../generator/output/write-problem.ts";
import { OutputFolderError, writeTree } from "../../generator/output/write-tree.ts";

let parent = "";
let root = "";
let lock = "";
beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), "specsmith-lock-"));
  root = join(parent, "out");
  lock = join(parent, ".out.lock");
  await writeTree(root, [{ path: "a.txt", content: "old" }]);
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const lockText = (pid: number, host = hostname()) =>
  `${JSON.stringify({ pid, host, started: "2024-01-01T00:00:00.000Z", token: "00000000-0000-4000-8000-000000000000" })}\n`;
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

/** The write is refused with `code`, and nothing changed: the tree, and the files beside it. */
async function expectRefused(code: string, message: RegExp): Promise<void> {
  const beside = readdirSync(parent).sort();
  const error = await writeTree(root, [{ path: "a.txt", content: "new" }]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputFolderError);
  expect((error as Error).message).toMatch(message);
  expect(writeProblem(error, root)?.code).toBe(code);
  expect(readdirSync(parent).sort()).toEqual(beside);
}

describe("the output lock", () => {
  it("turns a write away while a live run on this host holds it, naming the run and the lock file", async () => {
    writeFileSync(lock, lockText(process.ppid)); // the test runner's parent: alive
    await expectRefused(
      "output-locked",
      new RegExp(`being written by another specsmith run \\(pid ${process.ppid} on .*delete ${lock}`),
    );
    expect(readFileSync(join(root, "a.txt"), "utf8")).toBe("old");
    expect(readFileSync(lock, "utf8")).toBe(lockText(process.ppid));
  });

  it("never presumes a lock from another host stale, even if its pid is unused here", async () => {
    writeFileSync(lock, lockText(deadPid(), "another-host"));
    await expectRefused("output-locked", /pid \d+ on another-host/);
  });

  it("never removes a file that is not a specsmith lock", async () => {
    writeFileSync(lock, "my notes");
    await expectRefused("output-locked", /another program \(the lock file is not specsmith's\)/);
    expect(readFileSync(lock, "utf8")).toBe("my notes");
  });

  it("removes the lock of a run that is gone, and what it left beside it", async () => {
    writeFileSync(lock, lockText(deadPid()));
    writeFileSync(`${lock}.break`, lockText(deadPid()));
    writeFileSync(`${lock}.123-00000000-0000-4000-8000-000000000000`, "");
    await writeTree(root, [{ path: "a.txt", content: "new" }]);
    expect(readFileSync(join(root, "a.txt"), "utf8")).toBe("new");
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("removes a lock with this process's pid that this process does not hold (a container restarted)", async () => {
    writeFileSync(lock, lockText(process.pid));
    await writeTree(root, [{ path: "a.txt", content: "new" }]);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("turns away a second write in the same process while the first holds the lock", async () => {
    const results = await Promise.allSettled([
      writeTree(root, [{ path: "a.txt", content: "first" }]),
      writeTree(root, [{ path: "a.txt", content: "second" }]),
    ]);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused.map((reason) => writeProblem(reason, root)?.code)).toEqual(["output-locked"]);
    expect(readFileSync(join(root, "a.txt"), "utf8")).toBe(results[0].status === "fulfilled" ? "first" : "second");
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("is released when the write fails", async () => {
    await expect(
      writeTree(root, [
        { path: "x", content: "file" },
        { path: "x/y.txt", content: "nested" },
      ]),
    ).rejects.toThrow();
    expect(existsSync(lock)).toBe(false);
  });
});
