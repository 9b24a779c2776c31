/**
 * Every package under `generated/packages/` goes through what a publisher and a user would do:
 * build with TypeScript, strict type-check, `npm pack`, publint, attw, install the tarball into a
 * fresh consumer project, type-check the README's examples there, and call one operation against a
 * local server on 127.0.0.1. Work happens in a temporary folder under `.tmp/`.
 *
 * Each step runs once per package (memoised) and the tests of different packages run concurrently,
 * so the two cores of a CI machine stay busy; a step's test waits for the steps it needs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedDir, repoRoot } from "../support/paths.ts";
import { callCaseFor, type CallContext } from "./support/call-cases.ts";
import {
  attwProblems,
  AZURE_IDENTITY_STUB,
  CONSUMER_COMPILER_OPTIONS,
  output,
  pack,
  publintMessages,
  readmeModules,
  runNode,
  runNpm,
  runTsc,
  type RunResult,
} from "./support/package-tools.ts";
import { RecordingServer } from "./support/recording-server.ts";

/** `SPECSMITH_PACKAGES_DIR` points the tests at other output, e.g. a `specsmith generate --spec` run under `.tmp/`. */
const packagesDir = process.env["SPECSMITH_PACKAGES_DIR"] ?? join(generatedDir, "packages");
const directories = existsSync(packagesDir)
  ? readdirSync(packagesDir)
      .filter((name) => statSync(join(packagesDir, name)).isDirectory())
      .sort()
  : [];

const STEP_TIMEOUT = 150_000;
let work = "";
const servers: RecordingServer[] = [];

beforeAll(async () => {
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".tmp", "packages-"));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  // KEEP_TMP=1 keeps the copies, tarballs and consumer projects for a look after a failure.
  if (work && !process.env["KEEP_TMP"]) await rm(work, { recursive: true, force: true });
});

/** Runs `step` once, on first use; later callers share its promise. */
function once<T>(step: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= step());
}

function expectSuccess(result: RunResult): void {
  expect(result.code, output(result)).toBe(0);
}

const CONSUMER_TSCONFIG = {
  compilerOptions: CONSUMER_COMPILER_OPTIONS,
  include: ["*.ts"],
};

it("the generated packages exist (run `npm run generate`)", () => {
  expect(directories.length).toBeGreaterThan(0);
});

for (const directory of directories) {
  describe.concurrent(directory, () => {
    const source = join(packagesDir, directory);
    const manifest = JSON.parse(readFileSync(join(source, "package.json"), "utf8")) as {
      name: string;
      version: string;
      browser?: Record<string, string>;
    };
    const callCase = callCaseFor(directory);

    const copied = once(async () => {
      const dir = join(work, directory);
      await cp(source, dir, { recursive: true, filter: (path) => !/[\\/](dist|node_modules)$/.test(path) });
      return dir;
    });
    // The package's own build: tsc for the library, then (packages with a CLI) esbuild bundles `bin`.
    const built = once(async () => runNpm(["run", "build"], await copied()));
    const strictCheck = once(async () =>
      runTsc(["-p", await copied(), "--noEmit", "--strict", "--noUncheckedIndexedAccess"], work),
    );
    const packed = once(async () => {
      expectSuccess(await built());
      return pack(await copied(), work);
    });
    const tarball = async (): Promise<string> => (await packed()).tarball;
    const consumer = once(async () => {
      const dir = join(work, `${directory}-consumer`);
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, "package.json"),
        `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
      );
      const install = await runNpm(
        ["install", await tarball(), "--offline", "--no-audit", "--no-fund", "--ignore-scripts"],
        dir,
      );
      expectSuccess(install);
      const server = await RecordingServer.start();
      servers.push(server);
      const clientSource = await readFile(join(dir, "node_modules", manifest.name, "src/client.ts"), "utf8");
      const ctx: CallContext = {
        name: manifest.name,
        version: manifest.version,
        client: /export class (\w+)/.exec(clientSource)?.[1] ?? "",
        origin: server.origin,
        // Folders are named `<service>-<api version>`; the API versions here are dates.
        apiVersion: /-(\d{4}-\d{2}-\d{2}.*)$/.exec(directory)?.[1] ?? "",
      };
      await writeFile(join(dir, "tsconfig.json"), `${JSON.stringify(CONSUMER_TSCONFIG, null, 2)}\n`);
      await writeFile(join(dir, "azure-identity.d.ts"), AZURE_IDENTITY_STUB);
      const readme = await readFile(join(dir, "node_modules", manifest.name, "README.md"), "utf8");
      await Promise.all(
        readmeModules(readme).map((code, i) =>
          writeFile(join(dir, `readme-${String(i + 1).padStart(2, "0")}.ts`), code),
        ),
      );
      if (callCase) await writeFile(join(dir, "consumer.ts"), `${callCase.consumer(ctx)}\n`);
      return { dir, server, ctx };
    });

    it("builds with the repository's TypeScript", { timeout: STEP_TIMEOUT }, async () => {
      expectSuccess(await built());
      const dist = join(await copied(), "dist");
      for (const file of ["index.js", "index.d.ts", "index.d.ts.map", "index.js.map"])
        expect(existsSync(join(dist, file)), file).toBe(true);
    });

    it("type-checks with --strict --noUncheckedIndexedAccess", { timeout: STEP_TIMEOUT }, async () => {
      expectSuccess(await strictCheck());
    });

    it("packs dist, src, README.md and package.json only", { timeout: STEP_TIMEOUT }, async () => {
      const { tarball: file, files } = await packed();
      expect(existsSync(file)).toBe(true);
      expect([...new Set(files.map((path) => path.split("/")[0]))].sort()).toEqual([
        "README.md",
        "dist",
        "package.json",
        "src",
      ]);
      expect(files).toContain("dist/index.js");
      expect(files).toContain("dist/index.d.ts");
    });

    it(
      "passes publint with no message at all, but the suggestion about the `browser` field",
      { timeout: STEP_TIMEOUT },
      async () => {
        // By design: `browser` maps one runtime file to its browser variant (node-crypto.browser.js).
        // The `imports` + "browser" condition publint suggests instead points at `dist/`, so `src/`
        // (which the repository's tests and the CLI's esbuild read) would not resolve without a build.
        const byDesign = (m: string): boolean => m.startsWith("suggestion USE_EXPORTS_OR_IMPORTS_BROWSER:");
        expect((await publintMessages(await tarball())).filter((m) => !byDesign(m))).toEqual([]);
      },
    );

    it(
      "passes attw for node10, node16 (CommonJS and ESM) and bundler resolution",
      { timeout: STEP_TIMEOUT },
      async () => {
        expect(await attwProblems(await tarball(), work)).toEqual([]);
      },
    );

    it(
      "installs into a fresh consumer project, where the README's examples type-check",
      { timeout: STEP_TIMEOUT },
      async () => {
        const { dir } = await consumer();
        const installed = JSON.parse(
          await readFile(join(dir, "node_modules", manifest.name, "package.json"), "utf8"),
        ) as Record<string, unknown>;
        expect(installed["dependencies"]).toBeUndefined();
        expect(readdirSync(join(dir, "node_modules")).filter((n) => !n.startsWith("."))).toEqual([
          manifest.name.split("/")[0],
        ]);
        expectSuccess(await runTsc(["-p", dir], dir));
      },
    );

    it(
      'is required by a CommonJS consumer (module Node16, no "type": "module"): types check, the code runs',
      { timeout: STEP_TIMEOUT },
      async () => {
        const dir = join(work, `${directory}-commonjs-consumer`);
        await mkdir(dir, { recursive: true });
        await writeFile(
          join(dir, "package.json"),
          `${JSON.stringify({ name: "commonjs-consumer", private: true }, null, 2)}\n`,
        );
        expectSuccess(
          await runNpm(["install", await tarball(), "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], dir),
        );
        const clientSource = await readFile(join(dir, "node_modules", manifest.name, "src/client.ts"), "utf8");
        const client = /export class (\w+)/.exec(clientSource)?.[1] ?? "";
        const tsconfig = {
          compilerOptions: {
            module: "Node16",
            moduleResolution: "Node16",
            target: "ES2022",
            lib: ["ES2023", "DOM"],
            strict: true,
            types: [],
          },
          files: ["index.ts"],
        };
        await writeFile(join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
        await writeFile(
          join(dir, "index.ts"),
          [
            `import { ${client}, HttpError } from ${JSON.stringify(manifest.name)};`,
            `const error: unknown = new HttpError({ status: 404, statusText: "", code: "NotFound", serviceMessage: "gone", details: undefined, requestId: undefined, body: undefined, headers: new Headers() });`,
            `console.log(JSON.stringify({ client: typeof ${client}, message: error instanceof Error ? error.message : "" }));`,
            "",
          ].join("\n"),
        );
        expectSuccess(await runTsc(["-p", dir], dir));
        const run = await runNode(["index.js"], dir);
        expectSuccess(run);
        expect(JSON.parse(run.stdout)).toEqual({ client: "function", message: "gone" });
      },
    );

    // HMAC packages sign with node:crypto in Node; browsers have no use for that code path.
    it.runIf(existsSync(join(source, "src/runtime/hmac-signing.ts")))(
      "bundles for browsers without the node:crypto path, and for Node with it",
      { timeout: STEP_TIMEOUT },
      async () => {
        const { dir } = await consumer();
        const bundled = async (platform: "browser" | "node"): Promise<string> => {
          const result = await build({
            stdin: { contents: `export * from ${JSON.stringify(manifest.name)};`, resolveDir: dir, loader: "js" },
            // Minified: the browser bundle then drops the branch its constant `nodeCrypto` rules out.
            bundle: true,
            minify: true,
            write: false,
            format: "esm",
            platform,
            logLevel: "silent",
          });
          return result.outputFiles.map((f) => f.text).join("");
        };
        expect(manifest.browser).toBeDefined();
        for (const [from, to] of Object.entries(manifest.browser ?? {})) {
          expect(existsSync(join(dir, "node_modules", manifest.name, to)), `${from} -> ${to}`).toBe(true);
        }
        const [browser, node] = await Promise.all([bundled("browser"), bundled("node")]);
        expect(browser).toContain(".subtle");
        expect(browser).not.toContain("getBuiltinModule");
        expect(browser).not.toContain("createHmac");
        expect(node).toContain("getBuiltinModule");
      },
    );

    it.runIf(callCase !== undefined)(
      "is imported by name and calls the service on 127.0.0.1",
      { timeout: STEP_TIMEOUT },
      async () => {
        const { dir, server, ctx } = await consumer();
        if (!callCase) return;
        server.answer((request) => callCase.reply(request));
        const run = await runNode(["consumer.ts"], dir);
        expectSuccess(run);
        expect(server.requests).toHaveLength(1);
        const [request] = server.requests;
        if (!request) return;
        callCase.check(ctx, request, JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "null"));
      },
    );
  });
}
