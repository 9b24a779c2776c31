/**
 * Tree-shaking, measured: esbuild bundles (minified ESM for the browser) of
 *   (a) one operation: `issueAccessToken` + the context factory, access-key (HMAC) auth, from the
 *       generated communication-identity 2025-03-02-preview package;
 *   (b) the whole generated client class, same call;
 *   (c) the same call with the official `@azure/communication-identity`;
 * and prints raw and gzip sizes side by side. Goal: (a) under one tenth of (c), minified. Asserts nothing.
 *
 *   npm exec -- node bench/tree-shaking.ts
 *
 * The generated package is copied to `.tmp/`, built with the repository's TypeScript and placed in
 * a `node_modules/` there, so esbuild resolves it by name and honours its `sideEffects: false`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "../test/support/paths.ts";

/** `SPECSMITH_PACKAGES_DIR` measures other output, e.g. a `specsmith generate --spec` run under `.tmp/`. */
const PACKAGES_DIR = process.env["SPECSMITH_PACKAGES_DIR"] ?? join(repoRoot, "generated/packages");
const PACKAGE_DIR = join(PACKAGES_DIR, "communication-identity-2025-03-02-preview");
const work = join(repoRoot, ".tmp", `bench-tree-shaking-${process.pid}`);

const ENDPOINT = "https://contoso.communication.azure.com";
const KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
const USER = "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";

interface Measure {
  readonly label: string;
  readonly raw: number;
  readonly gzip: number;
  /** Minified bytes each input file contributes, largest first. */
  readonly inputs: readonly (readonly [string, number])[];
}

function fail(message: string): never {
  console.error(`bench/tree-shaking: ${message}`);
  process.exit(1);
}

/** Copies the generated package into `node_modules/<name>` under the work folder and builds it there. */
function installGenerated(): { name: string; dir: string } {
  if (!existsSync(PACKAGE_DIR)) fail(`${PACKAGE_DIR} does not exist: run \`npm run generate\` first`);
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { name: string };
  const target = join(work, "node_modules", manifest.name);
  cpSync(PACKAGE_DIR, target, { recursive: true, filter: (path) => !path.includes(`${PACKAGE_DIR}/dist`) });
  const tsc = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", target], {
    encoding: "utf8",
  });
  if (tsc.status !== 0) fail(`building the generated package failed:\n${tsc.stdout}${tsc.stderr}`);
  return { name: manifest.name, dir: target };
}

/** A name the entries need, read from the package's source (a clash may have suffixed it). */
function declaredName(dir: string, file: string, pattern: RegExp, what: string): string {
  const found = readFileSync(join(dir, file), "utf8").match(pattern)?.[1];
  return found ?? fail(`cannot find ${what} in ${file}`);
}

async function measure(label: string, file: string, code: string): Promise<Measure> {
  const entry = join(work, file);
  writeFileSync(entry, code);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: work,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const bytes = result.outputFiles[0]?.contents ?? fail(`esbuild produced no output for ${file}`);
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([path, info]): [string, number] => [path.replace(/^.*node_modules\//, ""), info.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  return { label, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength, inputs };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const generated = installGenerated();
    // The access-key factory: it bundles only the HMAC signer (the general factory accepts every credential).
    const factory = declaredName(
      generated.dir,
      "src/context.ts",
      /export function (create\w*ContextWithKey)\b/,
      "the access-key context factory",
    );
    const client = declaredName(generated.dir, "src/client.ts", /export class (\w+)/, "the client class");
    const call = `("${USER}", { scopes: ["chat"] })`;
    const single = await measure(
      "(a) generated: issueAccessToken + context",
      "single.mjs",
      [
        `import { ${factory}, issueAccessToken } from "${generated.name}";`,
        `const context = ${factory}("${ENDPOINT}", { key: "${KEY}" });`,
        `const token = await issueAccessToken(context, ${call.slice(1)};`,
        "console.log(token.token, token.expiresOn);",
      ].join("\n"),
    );
    const whole = await measure(
      "(b) generated: whole client class",
      "whole.mjs",
      [
        `import { ${client} } from "${generated.name}";`,
        `const client = new ${client}("${ENDPOINT}", { key: "${KEY}" });`,
        `const token = await client.issueAccessToken${call};`,
        "console.log(token.token, token.expiresOn);",
      ].join("\n"),
    );
    const official = await measure(
      "(c) @azure/communication-identity",
      "official.mjs",
      [
        'import { CommunicationIdentityClient } from "@azure/communication-identity";',
        `const client = new CommunicationIdentityClient("endpoint=${ENDPOINT}/;accesskey=${KEY}");`,
        `const token = await client.getToken({ communicationUserId: "${USER}" }, ["chat"]);`,
        "console.log(token.token, token.expiresOn);",
      ].join("\n"),
    );
    const officialVersion = (
      JSON.parse(readFileSync(join(repoRoot, "node_modules/@azure/communication-identity/package.json"), "utf8")) as {
        version: string;
      }
    ).version;

    console.log(`esbuild bundles, minified ESM, platform browser (official SDK ${officialVersion})\n`);
    console.log(
      `${"bundle".padEnd(44)}${"raw".padStart(12)}${"gzip".padStart(12)}${"raw vs (c)".padStart(13)}${"gzip vs (c)".padStart(13)}`,
    );
    for (const m of [single, whole, official]) {
      const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
      console.log(
        `${m.label.padEnd(44)}${kib(m.raw).padStart(12)}${kib(m.gzip).padStart(12)}${ratio(m.raw, official.raw).padStart(13)}${ratio(m.gzip, official.gzip).padStart(13)}`,
      );
    }
    // The goal is on the minified bundle; gzip is printed for reference (small files compress less).
    const met = single.raw * 10 < official.raw;
    console.log(`\n(a) is ${single.raw} bytes, (c) ${official.raw} bytes`);
    console.log(`goal (a) under one tenth of (c), minified: ${met ? "met" : "NOT met"}`);
    console.log("\nwhat (a) is made of (minified bytes per source file):");
    for (const [path, size] of single.inputs) console.log(`  ${String(size).padStart(7)}  ${path}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
