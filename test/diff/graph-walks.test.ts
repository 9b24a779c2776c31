/**
 * `specsmith diff` on schema graphs that used to overflow the stack or take exponential time
 * (issue 14 item 1, issue 15 item 7): Stripe's "expandable" pattern (a union reaching its own
 * model), unions nested 20 deep, and chains of 10,000 aliases or `allOf`s. Each document is diffed
 * with itself (no finding) and with a copy whose leaf type changed (that one finding, found at the
 * far end). Nothing is timed: the probe count shows the work grows linearly with the nesting.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDiff } from "../../generator/diff/diff-command.ts";
import { diffApis } from "../../generator/diff/engine/diff-api.ts";
import { EqualityMemo } from "../../generator/diff/engine/equality-memo.ts";
import { loadApi } from "../../generator/diff/load-api.ts";
import { allOfChain, expandable, inlineNestedUnions, nestedUnions, refAliasChain } from "../support/hostile-graphs.ts";

type Json = Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), "specsmith-graph-walks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function diff(name: string, before: Json, after: Json) {
  const [oldFile, newFile] = [join(dir, `${name}-old.json`), join(dir, `${name}-new.json`)];
  writeFileSync(oldFile, JSON.stringify(before));
  writeFileSync(newFile, JSON.stringify(after));
  let stdout = "";
  let stderr = "";
  const status = await runDiff([oldFile, newFile, "--format", "json", "--no-sdk"], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  expect(stderr).not.toMatch(/internal error|RangeError/);
  const report = JSON.parse(stdout) as { findings: { location: string }[] };
  return { status, findings: report.findings };
}

/** Each case: its document (with the leaf type given), and where the leaf change is found. */
const cases: [string, (leaf?: string) => Json, string][] = [
  ["the expandable pattern", (leaf) => expandable(leaf), "Node.parent"],
  ["unions nested 20 deep through refs", (leaf) => nestedUnions(20, leaf), "U20"],
  ["unions nested 20 deep inline", (leaf) => inlineNestedUnions(20, leaf), "Nested|array of integer"],
  ["a $ref alias chain of 10,000", (leaf) => refAliasChain(10_000, leaf), "A9999.id"],
  ["an allOf chain of 10,000", (leaf) => allOfChain(10_000, leaf), "A0.leaf"],
];

describe("diff of deep and self-reaching schema graphs", () => {
  it.each(cases)(
    "%s: no finding against itself, the leaf change against a changed copy",
    async (name, build, location) => {
      const same = await diff(`${name}-same`, build(), build());
      expect(same).toEqual({ status: 0, findings: [] });
      const changed = await diff(`${name}-changed`, build(), build("integer"));
      expect(changed.status).toBe(1);
      expect(changed.findings.length).toBeGreaterThanOrEqual(2); // in the request and in the response
      for (const finding of changed.findings) expect(finding.location.startsWith(location)).toBe(true);
    },
  );

  it("probes each pair of nested union variants once: the work grows linearly with the depth", () => {
    const opened = (depth: number) => {
      let count = 0;
      const begin = EqualityMemo.prototype.begin;
      const counting = function (this: EqualityMemo, key: string) {
        const begun = begin.call(this, key);
        if (typeof begun !== "boolean") count++;
        return begun;
      };
      EqualityMemo.prototype.begin = counting;
      try {
        const text = JSON.stringify(inlineNestedUnions(depth));
        const api = loadApi("nested.json", text).value!;
        diffApis(api, loadApi("nested.json", text).value!);
      } finally {
        EqualityMemo.prototype.begin = begin;
      }
      return count;
    };
    const [at10, at20] = [opened(10), opened(20)];
    expect(at10).toBeGreaterThan(0);
    expect(at20).toBeLessThanOrEqual(2 * at10 + 10);
  });
});
