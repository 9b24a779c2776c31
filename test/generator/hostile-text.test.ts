/**
 * Spec text that meets a terminal or a comment (issue 15, items 9 and 10): a document whose titles,
 * descriptions, summaries, names, enum values and defaults carry escape sequences (CSI, OSC, C1),
 * BEL, backspace, `\r`, bidi overrides, U+2028 and comment delimiters, in a file whose name holds a
 * line feed and a U+2028. Nothing of it may reach specsmith's output (text and JSON, `generate`,
 * `check` and `diff`), any generated file, or the generated command line's `--help`; and the header
 * comment stays one line, so the package still type-checks.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BUNDLE_OPTIONS } from "../../generator/plan/cli/cli-layout.ts";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { repoRoot } from "../support/paths.ts";
import { runCli } from "../support/run-cli.ts";
import { typeCheckPackages } from "../support/type-check.ts";
import { runBin } from "../cli/support/cli-package.ts";

/** Everything a terminal or a source file must not receive raw (tab and line feed are fine). */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const hostile = (label: string) =>
  `${label} \u001b[31mred\u001b[0m \u001b]0;pwned\u0007 \u009b2J bell\u0007 back\b \r over \u202eevil\u202c line\u2028sep para\u2029sep */ end`;
/** The first unsafe character of `text` and where, for a readable failure. */
const firstUnsafe = (text: string) => {
  const at = text.search(UNSAFE);
  return at < 0
    ? undefined
    : `U+${text.codePointAt(at)?.toString(16).padStart(4, "0")} in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`;
};

const document = {
  openapi: "3.0.3",
  info: { title: "Hostile\u001b[2J Text", version: "1.0.0", description: hostile("API description") },
  tags: [{ name: "things", description: hostile("tag") }],
  paths: {
    "/things/{thingId}": {
      post: {
        operationId: "createThing",
        tags: ["things"],
        summary: hostile("summary"),
        description: hostile("operation description"),
        parameters: [
          {
            name: "thingId",
            in: "path",
            required: true,
            description: hostile("path parameter"),
            schema: { type: "string" },
          },
          {
            name: "mode\u001b[1m",
            in: "query",
            description: hostile("query parameter"),
            schema: { $ref: "#/components/schemas/Mode" },
          },
          { name: "x-note\u2028", in: "query", schema: { type: "string", default: "dflt\u001b[5m\u0007" } },
          // An unsupported location: its warning quotes the name and `in` from the document.
          { name: "warn\u001b[31mname", in: "bo\u0007dy\u001b]0;title\u0007", schema: { type: "string" } },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
        responses: {
          "200": {
            description: hostile("response"),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Mode: {
        type: "string",
        description: hostile("enum"),
        enum: ["plain", "esc\u001b[31m", "bidi\u202e", "sep\u2028x", "cr\rx", "c1\u009bx"],
      },
      Thing: {
        type: "object",
        title: hostile("model title"),
        description: hostile("model description"),
        required: ["name\u001b[7m"],
        properties: {
          "name\u001b[7m": { type: "string", description: hostile("property") },
          "when\u2028": { type: "string", format: "date-time" },
          "note\u202e": { type: "string", description: "*/ export const injected = 1; /*" },
        },
      },
    },
  },
};

/** A spec file name with a line feed and a U+2028: it lands in every generated file's header comment. */
const SPEC_NAME = "hostile\ninjected();\u2028x.json";

let work: string;
let files: OutputFile[] = [];
let textRun: ReturnType<typeof runCli>;
let jsonRun: ReturnType<typeof runCli>;

async function filesUnder(dir: string): Promise<OutputFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const found = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(
    found.sort().map(async (path) => ({ path: relative(dir, path), content: await readFile(path, "utf8") })),
  );
}

beforeAll(async () => {
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".tmp", "hostile-text-"));
  const spec = join(work, SPEC_NAME);
  await writeFile(spec, JSON.stringify(document, null, 2));
  textRun = runCli(["generate", "--spec", spec, "--out", join(work, "out")], work);
  jsonRun = runCli(["check", "--spec", spec, "--out", join(work, "out"), "--format", "json"], work);
  files = await filesUnder(join(work, "out"));
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("specsmith diff of that document against a changed copy", () => {
  it("prints no control character, in any format, on stdout or stderr", async () => {
    const changed = structuredClone(document);
    changed.components.schemas.Mode.enum.push("added\u001b]0;pwned\u0007\u202e");
    changed.paths["/things/{thingId}"].post.parameters.push({
      name: "new\u001b[2J",
      in: "query",
      required: true,
      description: hostile("new"),
      schema: { type: "string" },
    });
    const newer = join(work, "newer\u2028\n.json");
    await writeFile(newer, JSON.stringify(changed));
    for (const format of ["md", "json", "github", "changelog"]) {
      const run = runCli(["diff", join(work, SPEC_NAME), newer, "--format", format, "--no-sdk"], work);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toContain("added");
      for (const text of [run.stdout, run.stderr]) expect(firstUnsafe(text), format).toBeUndefined();
      // The file's name has a line break: each finding's position stays on its one line.
      if (format === "github")
        expect(
          run.stdout
            .split("\n")
            .filter(Boolean)
            .every((l) => l.startsWith("::")),
        ).toBe(true);
      if (format === "md") expect(run.stdout).toMatch(/`[^`\n]*newer[^`\n]*\.json:\d+:\d+`/);
    }
  });
});

describe("a spec full of escape sequences, in a file named with line breaks", () => {
  it("generates, and specsmith's own output (text and JSON) carries no control character", () => {
    expect(textRun.status, textRun.stderr).toBe(0);
    expect(jsonRun.status, jsonRun.stderr).toBe(0);
    // The diagnostic quoting the document's name and `in` is shown, its control characters as spaces.
    expect(textRun.stderr).toContain('warning unsupported-parameter: parameter "warn [31mname" in "bo dy ]0;title "');
    for (const text of [textRun.stdout, textRun.stderr, jsonRun.stdout, jsonRun.stderr])
      expect(firstUnsafe(text)).toBeUndefined();
    const result = JSON.parse(jsonRun.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(result.diagnostics.find((d) => d.code === "unsupported-parameter")?.message).toContain('"warn [31mname"');
  });

  it("writes no control character into any generated file", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(firstUnsafe(file.content), file.path).toBeUndefined();
  });

  it("keeps the header comment on one line, and values exact in string literals", () => {
    for (const file of files.filter((f) => f.path.endsWith(".ts"))) {
      const [first = "", second = ""] = file.content.replace(/^#!.*\n/, "").split("\n");
      expect(first, file.path).toBe(
        "// Generated by specsmith from hostile injected(); x.json; do not edit. Regenerate with `specsmith generate --spec 'hostile injected(); x.json' --out out`.",
      );
      expect(second, file.path).not.toMatch(/injected/);
    }
    const models = files.find((f) => f.path === "src/models.ts")?.content ?? "";
    // The wire value keeps its ESC, written as an escape: sent exactly as the spec says.
    expect(models).toContain('"esc\\u001b[31m"');
    expect(models).not.toMatch(/^export const injected/m);
  });

  it("type-checks, command line included", async () => {
    const checked = await typeCheckPackages([{ name: "hostile", files }], "hostile-text", true);
    try {
      expect(checked.output).toBe("");
    } finally {
      await checked.cleanUp();
    }
  }, 120_000);

  it("shows no control character in the generated command line's --help", async () => {
    const bundle = join(work, "cli.js");
    await build({
      ...CLI_BUNDLE_OPTIONS,
      entryPoints: [join(work, "out", "src/cli/main.ts")],
      outfile: bundle,
      logLevel: "silent",
    });
    await writeFile(join(work, "package.json"), JSON.stringify({ type: "module" }));
    const commands = files.find((f) => f.path === "src/cli/commands.ts")?.content ?? "";
    const paths = [...commands.matchAll(/^ {6}path: \[(.*)\],$/gm)].map(
      (m) => JSON.parse(`[${m[1] ?? ""}]`) as string[],
    );
    expect(paths.length).toBeGreaterThan(0);
    for (const args of [["--help"], ...paths.map((path) => [...path, "--help"])]) {
      const run = await runBin(bundle, args);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("red");
      for (const text of [run.stdout, run.stderr]) expect(firstUnsafe(text), args.join(" ")).toBeUndefined();
    }
  }, 60_000);
});
