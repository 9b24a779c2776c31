/**
 * `specsmith generate` killed (SIGKILL, as `kill -9`) at every step of writing its output, and at
 * random moments: the folder is always the old tree or the new one, or, killed between the two
 * renames of the swap, missing with the old tree whole beside it; the next run repairs that before
 * anything else (under the output lock, from which the killed run's stale lock is removed), leaving
 * exactly the old or the new tree, then writes, and nothing of the killed run remains beside it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  besideOut,
  copyOutput,
  generateTree,
  pausedAt,
  resume,
  startGenerate,
  treeOf,
  whichTree,
  writeSpecs,
  type Specs,
  type Tree,
} from "./output-race.ts";
import { specsmith, workspace } from "./spawn-cli.ts";

const ws = workspace("output-crash");
let specs: Specs;
let trees: Record<"old" | "new", Tree>;
let oldOut = "";

beforeAll(() => {
  specs = writeSpecs(ws.dir);
  oldOut = join(ws.dir, "reference-old", "out");
  trees = {
    old: generateTree(specs.base, oldOut),
    new: generateTree(specs.variant, join(ws.dir, "reference-new", "out")),
  };
});
afterAll(() => ws.remove());

/** A folder of its own holding the old tree, as the previous `generate` left it. */
const oldTreeIn = (label: string): string => copyOutput(oldOut, ws.dir, label);

/** Right after the kill: old, new, or missing with exactly one previous folder holding the old tree. */
function expectWholeOrRestorable(out: string): void {
  const state = whichTree(out, trees);
  if (state !== "missing") {
    expect(state).toMatch(/^(old|new)$/);
    return;
  }
  const previous = besideOut(out).filter((entry) => entry.includes(".previous-"));
  expect(previous).toHaveLength(1);
  expect(whichTree(join(dirname(out), previous[0] ?? ""), trees)).toBe("old");
}

/** The next run: paused right after its repair, the folder is whole; then it writes the new tree. */
async function expectNextRunRepairs(out: string): Promise<void> {
  const next = startGenerate(specs.variant, out, { SPECSMITH_TEST_PAUSE_AT: "after-recovery" });
  const paused = await next.stderrShows(pausedAt("after-recovery"));
  let repaired = "";
  let besideWhilePaused: string[] = [];
  if (paused) {
    repaired = whichTree(out, trees);
    besideWhilePaused = besideOut(out);
    await resume(next.pid);
  }
  const ended = await next.done;
  expect(ended.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(ended.status, ended.stderr).toBe(0);
  expect(whichTree(out, trees)).toBe("new");
  expect(besideOut(out)).toEqual([]);
  expect(paused).toBe(true);
  expect(repaired).toMatch(/^(old|new)$/);
  expect(besideWhilePaused).toEqual([".out.lock"]); // only the running run's own lock
}

const STEPS = ["after-lock", "after-diff", "mid-staging", "after-staging", "after-first-rename", "after-second-rename"];

describe("generate killed while writing", () => {
  it.each(STEPS)("killed %s: the old or the new tree, repaired by the next run", async (step) => {
    const out = oldTreeIn(step);
    const killed = await startGenerate(specs.variant, out, { SPECSMITH_TEST_CRASH_AT: step }).done;
    expect(killed.signal).toBe("SIGKILL");
    expectWholeOrRestorable(out);
    await expectNextRunRepairs(out);
  });

  it("killed at random moments of the write", async () => {
    for (let round = 0; round < 5; round++) {
      const out = oldTreeIn(`random-${round}`);
      const run = startGenerate(specs.variant, out);
      // The write starts after the "writing" progress line and takes a few milliseconds.
      if (await run.stderrShows("writing ")) setTimeout(() => process.kill(run.pid, "SIGKILL"), Math.random() * 25);
      await run.done;
      expectWholeOrRestorable(out);
      await expectNextRunRepairs(out);
    }
  });

  it("killed again while repairing: still whole, and the run after that finishes the repair", async () => {
    const out = oldTreeIn("during-repair");
    expect(
      (await startGenerate(specs.variant, out, { SPECSMITH_TEST_CRASH_AT: "after-first-rename" }).done).signal,
    ).toBe("SIGKILL");
    expect(whichTree(out, trees)).toBe("missing");
    expect((await startGenerate(specs.variant, out, { SPECSMITH_TEST_CRASH_AT: "after-restore" }).done).signal).toBe(
      "SIGKILL",
    );
    expect(whichTree(out, trees)).toBe("old");
    await expectNextRunRepairs(out);
  });

  it.each(["mid-staging", "after-staging", "after-first-rename", "after-second-rename"])(
    "killed %s: a package's build (dist, node_modules) is still there once the next run has written",
    async (step) => {
      const out = oldTreeIn(`built-${step}`);
      const built = {
        "dist/index.js": "export {};\n",
        "node_modules/typescript/package.json": "{}\n",
        "package-lock.json": "{}\n",
      };
      for (const [path, content] of Object.entries(built)) {
        mkdirSync(dirname(join(out, path)), { recursive: true });
        writeFileSync(join(out, path), content);
      }
      expect((await startGenerate(specs.variant, out, { SPECSMITH_TEST_CRASH_AT: step }).done).signal).toBe("SIGKILL");
      const next = await startGenerate(specs.variant, out).done;
      expect(next.status, next.stderr).toBe(0);
      const files = treeOf(out) ?? {};
      expect(Object.fromEntries(Object.keys(built).map((path) => [path, files[path]]))).toEqual(built);
      expect(Object.fromEntries(Object.entries(files).filter(([path]) => !(path in built)))).toEqual(trees.new);
    },
  );

  it("check says what a killed run left, and what generate will do about it, without touching it", async () => {
    const out = oldTreeIn("check");
    expect(
      (await startGenerate(specs.variant, out, { SPECSMITH_TEST_CRASH_AT: "after-first-rename" }).done).signal,
    ).toBe("SIGKILL");
    const before = besideOut(out);
    const check = specsmith(["check", "--spec", specs.variant, "--out", out]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(
      /warning output-interrupted: .*the folder is missing; the next `generate` restores the previous output from \.out\.previous-\d+/,
    );
    expect(check.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(besideOut(out)).toEqual(before);
    expect(whichTree(out, trees)).toBe("missing");

    const generate = specsmith(["generate", "--spec", specs.variant, "--out", out]);
    expect(generate.status).toBe(0);
    expect(generate.stderr).toMatch(
      /warning output-interrupted: .*restored the previous output from \.out\.previous-\d+/,
    );
    const clean = specsmith(["check", "--quiet", "--spec", specs.variant, "--out", out]);
    expect([clean.status, clean.stderr]).toEqual([0, ""]);
  });
});
