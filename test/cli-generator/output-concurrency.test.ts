/**
 * Several `specsmith generate` runs on one output folder at once: each one either writes its tree
 * or stops with `output-locked` (a clear diagnostic, no stack trace) because another run holds the
 * folder's lock, and the folder ends as exactly one run's tree, never a mix, with nothing left
 * beside it. A lock left by a killed run does not block them.
 */
import { writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  besideOut,
  copyOutput,
  generateTree,
  pausedAt,
  resume,
  startGenerate,
  whichTree,
  writeSpecs,
  type Ended,
  type Specs,
  type Tree,
} from "./output-race.ts";
import { workspace } from "./spawn-cli.ts";

const ws = workspace("output-concurrency");
let specs: Specs;
let trees: Record<"base" | "variant" | "other", Tree>;
let baseOut = "";

beforeAll(() => {
  specs = writeSpecs(ws.dir);
  baseOut = join(ws.dir, "reference-base", "out");
  trees = {
    base: generateTree(specs.base, baseOut),
    variant: generateTree(specs.variant, join(ws.dir, "reference-variant", "out")),
    other: generateTree(specs.other, join(ws.dir, "reference-other", "out")),
  };
});
afterAll(() => ws.remove());

const baseTreeIn = (label: string): string => copyOutput(baseOut, ws.dir, label);

/** Wrote its tree, or was turned away by the lock: nothing else. */
function expectWroteOrLocked(run: Ended): "wrote" | "locked" {
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  if (run.status === 0) return "wrote";
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(
    /error output-locked: .* is being written by another specsmith run \(pid \d+ on .*\); run again when it has finished/,
  );
  return "locked";
}

describe("generate runs racing on one output folder", () => {
  it("a run that starts while another is writing stops clearly instead of mixing the trees", async () => {
    const out = baseTreeIn("interleaved");
    // The first run has read the old tree (and decided which files it keeps) and stops there.
    const first = startGenerate(specs.variant, out, { SPECSMITH_TEST_PAUSE_AT: "after-diff" });
    expect(await first.stderrShows(pausedAt("after-diff"))).toBe(true);
    const second = await startGenerate(specs.other, out).done;
    await resume(first.pid);
    const firstEnded = await first.done;

    expect(whichTree(out, trees)).toBe("variant");
    expect(expectWroteOrLocked(firstEnded)).toBe("wrote");
    expect(expectWroteOrLocked(second)).toBe("locked");
    expect(second.stderr).toContain(`(pid ${first.pid} on ${hostname()}, since `);
    expect(besideOut(out)).toEqual([]);
  });

  it("four runs at once, two specs, after a killed run left its lock: one whole tree", async () => {
    const out = baseTreeIn("four");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid; // a process id no longer in use
    const stale = {
      pid: dead,
      host: hostname(),
      started: "2024-01-01T00:00:00.000Z",
      token: "00000000-0000-4000-8000-000000000000",
    };
    writeFileSync(join(dirname(out), ".out.lock"), `${JSON.stringify(stale)}\n`);

    const runs = await Promise.all(
      [0, 1, 2, 3].map((i) => startGenerate(i % 2 ? specs.other : specs.variant, out).done),
    );

    const outcomes = runs.map(expectWroteOrLocked);
    expect(outcomes).toContain("wrote");
    expect(whichTree(out, trees)).toMatch(/^(variant|other)$/);
    expect(besideOut(out)).toEqual([]);
  });
});
