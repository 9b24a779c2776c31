/**
 * A binary response (a download) in the generated CLI, as az writes downloads: raw bytes to stdout
 * when stdout is a pipe or a file, to `--output-file <path>` when given, and refused on a terminal
 * (exit 2, the command-line class), never printed as text or as JSON of byte values. The emitter
 * gives `--output-file` to the commands whose operation can answer with bytes (media-types.yaml).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { nodeIo } from "../../generator/runtime/cli/node-io.ts";
import type { CliIo, CommandSpec, Program } from "../../generator/runtime/cli/program.ts";
import { runProgram } from "../../generator/runtime/cli/run-program.ts";
import { repoRoot } from "../support/paths.ts";

/** Bytes that are not UTF-8 (a PNG signature): any text decoding would change them. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

function program(): Program<object> {
  const download: CommandSpec<object> = {
    path: ["image", "get"],
    summary: "Downloads the image.",
    binary: true,
    flags: [],
    calls: [{ operation: "getImage", bind: [], invoke: () => Promise.resolve(PNG) }],
  };
  return {
    bin: "demo",
    title: "Demo",
    packageName: "@x/demo",
    version: "1.0.0",
    apiVersion: "2025-01-01",
    preview: false,
    authFlags: [],
    auth: [{ uses: [], endpoint: "optional", create: () => ({}) }],
    secretNames: [],
    groups: [],
    commands: [download],
  };
}

interface Captured {
  bytes: Uint8Array[];
  text: string;
  err: string;
}

/** A process-like io: real files (`nodeIo`'s), stdout captured as bytes and as text. */
function io(stdoutIsTerminal: boolean): CliIo & Captured {
  const state: Captured = { bytes: [], text: "", err: "" };
  return Object.assign(state, {
    ...nodeIo(),
    env: {},
    stdinIsTerminal: stdoutIsTerminal,
    stdoutIsTerminal,
    writeOut: (t: string) => void (state.text += t),
    writeOutBytes: (b: Uint8Array) => void state.bytes.push(b),
    writeErr: (t: string) => void (state.err += t),
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-binary-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a binary response", () => {
  it("goes to stdout as its exact bytes when stdout is not a terminal", async () => {
    const out = io(false);
    expect(await runProgram(program(), ["image", "get"], out)).toBe(0);
    expect([out.text, out.err]).toEqual(["", ""]);
    expect(Buffer.concat(out.bytes)).toEqual(Buffer.from(PNG));
  });

  it("goes to --output-file, also from a terminal, and nothing is printed", async () => {
    const out = io(true);
    const path = join(dir, "image.png");
    expect(await runProgram(program(), ["image", "get", "--output-file", path], out)).toBe(0);
    expect([out.text, out.err, out.bytes]).toEqual(["", "", []]);
    expect(new Uint8Array(await readFile(path))).toEqual(PNG);
  });

  it("is refused on a terminal, saying how to get it (exit 2)", async () => {
    const out = io(true);
    expect(await runProgram(program(), ["image", "get"], out)).toBe(2);
    expect([out.text, out.bytes]).toEqual(["", []]);
    expect(out.err).toBe(
      "ERROR: the response is 10 bytes of binary data, not shown on a terminal: save it with --output-file <path>, or redirect stdout to a file or pipe\n",
    );
  });

  it("reports an --output-file it cannot write in one line (exit 1)", async () => {
    const out = io(false);
    const path = join(dir, "missing-folder", "image.png");
    expect(await runProgram(program(), ["image", "get", "--output-file", path], out)).toBe(1);
    expect(out.err).toBe(`ERROR: argument --output-file: cannot write '${path}' (ENOENT)\n`);
  });
});

it("the emitter gives --output-file to the commands that can answer with bytes, and only to those", () => {
  const built = buildPackage({
    file: join(repoRoot, "test/fixtures/openapi/media-types.yaml"),
    source: "test/fixtures/openapi/media-types.yaml",
  });
  const commands = built.files.find((f) => f.path === "src/cli/commands.ts")?.content ?? "";
  // Each command's literal starts with its path; `binary: true` follows it within the command.
  const blocks = commands.split(/^ {6}path: /m).slice(1);
  const binary = blocks
    .filter((block) => /^ {6}binary: true,$/m.test(block.split(/^ {4}\},?$/m)[0] ?? ""))
    .map((block) => block.slice(0, block.indexOf("\n")));
  expect(binary).toEqual([
    '["archives", "download-archive"],',
    '["exports", "export-data"],',
    '["recordings", "get-recording"],',
    '["reports", "get-report"],',
    '["thumbnails", "get-thumbnail"],',
  ]);
});
