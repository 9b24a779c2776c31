/**
 * `specsmith generate --watch` in a child process, driven by real file changes: it regenerates after
 * a save (rewriting only the files whose bytes change), survives a broken intermediate save with a
 * diagnostic, recovers on the next save, ignores its own writes, and exits 0 on SIGINT. Every wait
 * is for an output condition (generous timeout, never a fixed delay).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";
import { folderState, workspace } from "./spawn-cli.ts";

const ws = workspace("watch");
const spec = join(ws.dir, "api.yaml");
const out = join(ws.dir, "out");
let child: ChildProcess | undefined;
const stop = async (): Promise<number | null> => {
  const exit = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
  child?.kill("SIGINT");
  return exit;
};
afterAll(() => {
  child?.kill("SIGKILL");
  ws.remove();
});

/** The watcher's output so far, and a way to wait until it satisfies a condition. */
function startWatching(args: readonly string[]): {
  stderr: () => string;
  stdout: () => string;
  until: (ok: (stderr: string) => boolean, what: string) => Promise<void>;
} {
  let stderr = "";
  let stdout = "";
  const waiters = new Set<() => void>();
  child = spawn(process.execPath, [join(repoRoot, "generator/specsmith.js"), "generate", ...args, "--watch"], {
    cwd: ws.dir,
    env: { ...process.env, NO_COLOR: "1" },
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const wake of waiters) wake();
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const until = (ok: (text: string) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr:\n${stderr}`)), 50_000);
      const wake = () => {
        if (!ok(stderr)) return;
        clearTimeout(timeout);
        waiters.delete(wake);
        resolve();
      };
      waiters.add(wake);
      wake();
    });
  return { stderr: () => stderr, stdout: () => stdout, until };
}

const watchingLines = (text: string) =>
  text.split("\n").filter((line) => line === "specsmith: watching for changes (Ctrl-C stops)").length;

describe("generate --watch", () => {
  it("regenerates on a save, keeps going after a broken one, and stops on SIGINT", { timeout: 180_000 }, async () => {
    copyFileSync(join(repoRoot, "test/fixtures/openapi/read-write-only.yaml"), spec);
    const original = readFileSync(spec, "utf8");
    const watcher = startWatching(["--spec", spec, "--out", out]);
    await watcher.until((text) => watchingLines(text) === 1, "the first run");
    const first = folderState(out);
    expect(first["README.md"]?.content).toContain("A model used in both requests");

    // A save: only the files whose bytes change are rewritten (the others keep inode and mtime).
    writeFileSync(spec, original.replace("A model used in both requests", "One model used in both requests"));
    await watcher.until((text) => watchingLines(text) >= 2, "the run after a save");
    const second = folderState(out);
    expect(second["README.md"]?.content).toContain("One model used in both requests");
    const rewritten = Object.keys(second).filter(
      (path) => first[path]?.ino !== second[path]?.ino || first[path]?.mtimeMs !== second[path]?.mtimeMs,
    );
    expect(rewritten).toContain("README.md");
    expect(rewritten.length).toBeLessThan(Object.keys(second).length / 2);

    // A broken intermediate save: a diagnostic, nothing written, still watching.
    writeFileSync(spec, "openapi: 3.0.3\ninfo: [unclosed\n");
    await watcher.until((text) => watchingLines(text) >= 3, "the run after a broken save");
    expect(watcher.stderr().split("specsmith: watching")[2]).toMatch(/^api\.yaml:\d+:\d+ - error invalid-syntax: /m);
    expect(folderState(out)).toEqual(second);
    expect(child?.exitCode).toBeNull();

    // The next good save regenerates again.
    writeFileSync(spec, original);
    await watcher.until((text) => watchingLines(text) >= 4, "the run after the fix");
    expect(readFileSync(join(out, "README.md"), "utf8")).toContain("A model used in both requests");

    // One run per save: the watcher's own writes (the output folder, its lock) never started one.
    const runs = watcher
      .stderr()
      .split("\n")
      .filter((line) => line.endsWith(", regenerating"));
    expect(runs).toEqual(Array(3).fill("specsmith: api.yaml changed, regenerating"));

    expect(await stop()).toBe(0);
  });

  it(
    "with a config: regenerates when the config changes, and writing the output beside it starts no run",
    { timeout: 180_000 },
    async () => {
      const config = join(ws.dir, "specsmith.config.json");
      const configFor = (packageName: string) =>
        `${JSON.stringify({ output: "generated", services: [{ name: "users", openapi: "api.yaml", package: packageName }] })}\n`;
      copyFileSync(join(repoRoot, "test/fixtures/openapi/read-write-only.yaml"), spec);
      writeFileSync(config, configFor("@acme/users"));
      const watcher = startWatching(["--config", config]);
      await watcher.until((text) => watchingLines(text) === 1, "the first run");
      const manifest = () => readFileSync(join(ws.dir, "generated/packages/users-1.0.0/package.json"), "utf8");
      expect(manifest()).toContain('"name": "@acme/users"');

      writeFileSync(config, configFor("@acme/people"));
      await watcher.until((text) => watchingLines(text) >= 2, "the run after the config changed");
      expect(manifest()).toContain('"name": "@acme/people"');
      expect(await stop()).toBe(0);
      const runs = watcher
        .stderr()
        .split("\n")
        .filter((line) => line.endsWith(", regenerating"));
      expect(runs).toEqual(["specsmith: specsmith.config.json changed, regenerating"]);
    },
  );
});
