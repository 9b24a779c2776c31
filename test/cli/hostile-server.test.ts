/**
 * A generated CLI (from `test/fixtures/redaction/vault-api.yaml`, bundled as its package bundles it)
 * against a hostile or broken service on 127.0.0.1, and hostile `@file` arguments (issue 15):
 * an issued token in a wrong-shaped 200 never reaches stdout or stderr (the error names the body's
 * property names, or its size and content type, never a value), `--debug` hides the
 * properties the spec declares secret, a service's control characters never reach the terminal,
 * and `--body @<device|directory|fifo|huge file>` is refused with a clear message.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BUNDLE_OPTIONS } from "../../generator/plan/cli/cli-layout.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { MAX_FLAG_FILE_BYTES } from "../../generator/runtime/cli/program.ts";
import { output, type RunResult } from "../packages/support/package-tools.ts";
import { repoRoot } from "../support/paths.ts";
import { makeWorkDir, runBin } from "./support/cli-package.ts";

const SPEC = "test/fixtures/redaction/vault-api.yaml";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2YXVsdCJ9.TOKEN-SIGNATURE-123";
const ADMIN = "admin-login-value-456";
const PHRASE = "recovery-phrase-value-789";
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

let work: { dir: string; cleanUp: () => Promise<void> };
let bundle = "";
let server: Server;
let endpoint = "";
/** What the service answers next: status and body text. */
let answer: { status: number; body: string } = { status: 200, body: "{}" };

beforeAll(async () => {
  work = await makeWorkDir("cli-hostile");
  const built = buildPackage({ file: join(repoRoot, SPEC), source: SPEC });
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  for (const file of built.files) {
    const target = join(work.dir, "pkg", file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  bundle = join(work.dir, "pkg", "dist/cli.js");
  await build({
    ...CLI_BUNDLE_OPTIONS,
    entryPoints: [join(work.dir, "pkg", "src/cli/main.ts")],
    outfile: bundle,
    logLevel: "silent",
  });
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await work?.cleanUp();
});

const cli = (args: readonly string[], timeoutMs?: number): Promise<RunResult> =>
  runBin(bundle, [...args, "--endpoint", endpoint], timeoutMs === undefined ? {} : { timeoutMs });

describe("an issued token in a response the operation cannot accept", () => {
  const bytes = (text: string): string => `${Buffer.byteLength(text)} bytes, application/json`;
  const lacking = JSON.stringify({ token: TOKEN, expiryTime: "2030-01-01T00:00:00Z" });
  const cutOff = `{"token": "${TOKEN}`;
  const form = `access_token=${TOKEN}&expires_in=3600`;
  const bare = `{"token": ${TOKEN}}`;
  it.each([
    [
      "a 200 lacking a required property",
      lacking,
      'lacks the required property "expiresOn": {"token":…,"expiryTime":…}',
    ],
    ["a 200 cut off inside the token", cutOff, `is not valid JSON: ${bytes(cutOff)}`],
    ["a 200 that is not JSON", form, `is not valid JSON: ${bytes(form)}`],
    ["a 200 with a bare token, which V8's SyntaxError quotes", bare, `is not valid JSON: ${bytes(bare)}`],
  ])("%s: the token is on neither stdout nor stderr, with or without --debug", async (_what, body, problem) => {
    answer = { status: 200, body };
    for (const extra of [[], ["--debug"]]) {
      const run = await cli(["tokens", "issue-token", "--scopes", "chat", ...extra]);
      expect(run.code, output(run)).toBe(1);
      expect(run.stderr.split("\n")).toContain(`ERROR: Expected a JSON body in the 200 response, but it ${problem}`);
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toContain("TOKEN-SIGNATURE");
      expect(run.stderr).not.toContain("eyJzdWIi");
    }
  });
});

describe("the spec's own secret declarations", () => {
  it("--debug hides x-ms-secret and format: password properties; stdout has the result asked for", async () => {
    answer = { status: 200, body: JSON.stringify({ name: "ops", adminLogin: ADMIN, recoveryPhrase: PHRASE }) };
    const run = await cli(["logins", "get-login", "--name", "ops", "--debug"]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stderr).toContain('Response body: {"name":"ops","adminLogin":"REDACTED","recoveryPhrase":"REDACTED"}');
    expect(run.stderr).not.toContain(ADMIN);
    expect(run.stderr).not.toContain(PHRASE);
    expect(JSON.parse(run.stdout)).toEqual({ name: "ops", adminLogin: ADMIN, recoveryPhrase: PHRASE });
  });
});

describe("control characters from the service", () => {
  const hostile = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u0008\u009b\u202eevil";

  it("never reach the ERROR line or the --debug log", async () => {
    answer = { status: 400, body: JSON.stringify({ error: { code: "Bad\u001b[1m", message: hostile } }) };
    for (const extra of [[], ["--debug"]]) {
      const run = await cli(["tokens", "issue-token", "--scopes", "chat", ...extra]);
      expect(run.code, output(run)).toBe(1);
      expect(run.stderr).toContain("ERROR: 400 Bad[1m: ]0;pwned[2J[31mredevil\n");
      expect(run.stderr).not.toMatch(CONTROL);
    }
  });

  it("never reach a table or tsv on stdout", async () => {
    answer = { status: 200, body: JSON.stringify({ name: hostile }) };
    for (const format of ["table", "tsv"]) {
      const run = await cli(["logins", "get-login", "--name", "ops", "--output", format]);
      expect(run.code, output(run)).toBe(0);
      expect(run.stdout).toContain("]0;pwned[2J[31mredevil");
      expect(run.stdout.replace(/\n/g, "")).not.toMatch(CONTROL);
    }
  });

  it("are escaped in json and yaml, which read back as the same data", async () => {
    answer = { status: 200, body: JSON.stringify({ name: hostile }) };
    for (const format of ["json", "yaml"]) {
      const run = await cli(["logins", "get-login", "--name", "ops", "--output", format]);
      expect(run.code, output(run)).toBe(0);
      expect(run.stdout.replace(/\n/g, "")).not.toMatch(CONTROL);
      expect((format === "json" ? JSON.parse(run.stdout) : parseYaml(run.stdout)) as unknown).toEqual({
        name: hostile,
      });
    }
  });
});

describe("--body @file reads only regular files, up to a size", () => {
  it.each([
    ["/dev/zero, which never ends", () => "/dev/zero", "not a regular file (a device, pipe or directory)"],
    ["a directory", () => work.dir, "not a regular file (a device, pipe or directory)"],
    [
      "a FIFO nobody writes to",
      () => {
        const fifo = join(work.dir, "body.fifo");
        execFileSync("mkfifo", [fifo]);
        return fifo;
      },
      "not a regular file (a device, pipe or directory)",
    ],
    [
      "a file over the cap",
      () => {
        const huge = join(work.dir, "huge.json");
        writeFileSync(huge, "");
        truncateSync(huge, MAX_FLAG_FILE_BYTES + 1); // sparse: no disk used
        return huge;
      },
      "larger than the 16 MiB a flag's file may hold",
    ],
    ["a missing file", () => join(work.dir, "missing.json"), "no such file"],
  ])("%s: a usage error naming the flag and the file", async (_what, makePath, reason) => {
    const path = makePath();
    // A generous bound: without the fix a FIFO blocks forever and /dev/zero runs out of memory.
    const run = await cli(["tokens", "issue-token", "--body", `@${path}`], 30_000);
    expect(run.code, output(run)).toBe(2);
    expect(run.stderr).toBe(`ERROR: argument --body: cannot read file '${path}': ${reason}\n`);
    expect(run.stdout).toBe("");
  });

  it("still reads a regular file", async () => {
    const file = join(work.dir, "body.json");
    writeFileSync(file, JSON.stringify({ scopes: ["chat"] }));
    answer = { status: 200, body: JSON.stringify({ token: "t", expiresOn: "2030-01-01T00:00:00Z" }) };
    const run = await cli(["tokens", "issue-token", "--body", `@${file}`]);
    expect(run.code, output(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ token: "t" });
  });
});
