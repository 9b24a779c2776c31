/**
 * Code written for the official `@azure/communication-identity` compiles against the generated
 * package after changing only its import: the TypeScript blocks of the official SDK's README (read
 * from `node_modules` at test time, not copied here) are type-checked by `tsc` against the generated
 * communication-identity 2023-10-01 package, with `@azure/communication-identity` rewritten to the
 * package's name and nothing else changed.
 *
 * The README's snippets are fragments: they use `client`, `user`, `KEY`, `ENDPOINT`,
 * `CONNECTION_STRING`, `GetTokenOptions` and `CreateUserAndTokenOptions` that an earlier snippet or
 * the reader provides. `globals.d.ts` declares them, typed by the generated package (`user` is what
 * its `createUser` returns), so each snippet is checked as its own module. `@azure/identity` is not
 * installed: a minimal declaration of `DefaultAzureCredential` stands in for it.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AZURE_IDENTITY_STUB, CONSUMER_COMPILER_OPTIONS, output, runTsc } from "../packages/support/package-tools.ts";
import { generatedDir, repoRoot } from "../support/paths.ts";

const OFFICIAL = "@azure/communication-identity";
const OURS = "@specsmith/communication-identity";
const packageEntry = join(generatedDir, "packages/communication-identity-2023-10-01/src/index.ts");

/** The fenced ```typescript / ```ts blocks of a Markdown text, in order. */
function typescriptBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let code: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (code) {
      if (line.trim() === "```") {
        blocks.push(code.join("\n"));
        code = undefined;
      } else code.push(line);
    } else if (/^```(typescript|ts)\s*$/.test(line.trim())) code = [];
  }
  return blocks;
}

/** Only the module specifier of the official package changes. */
const rewriteImport = (code: string) =>
  code.replaceAll(`"${OFFICIAL}"`, `"${OURS}"`).replaceAll(`'${OFFICIAL}'`, `'${OURS}'`);

const GLOBALS = `// What the README's snippets take from earlier snippets or from the reader.
type Package = typeof import("${OURS}");
declare const KEY: string;
declare const ENDPOINT: string;
declare const CONNECTION_STRING: string;
declare const client: InstanceType<Package["CommunicationIdentityClient"]>;
declare const user: Awaited<ReturnType<InstanceType<Package["CommunicationIdentityClient"]>["createUser"]>>;
type GetTokenOptions = import("${OURS}").GetTokenOptions;
type CreateUserAndTokenOptions = import("${OURS}").CreateUserAndTokenOptions;
`;

let work = "";
beforeAll(async () => {
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".tmp", "official-readme-"));
});
afterAll(async () => {
  if (work && !process.env["KEEP_TMP"]) await rm(work, { recursive: true, force: true });
});

it(
  "the official SDK README's samples type-check against the generated package's convenience layer",
  { timeout: 120_000 },
  async () => {
    const readme = readFileSync(join(repoRoot, "node_modules", OFFICIAL, "README.md"), "utf8");
    const samples = typescriptBlocks(readme);
    // The README has a dozen samples; all of them call the SDK's method names.
    expect(samples.length).toBeGreaterThanOrEqual(10);
    const all = samples.join("\n");
    for (const name of [
      "createUser(",
      "getToken(",
      "createUserAndToken(",
      "revokeTokens(",
      "deleteUser(",
      "getTokenForTeamsUser(",
      "new CommunicationIdentityClient(",
    ]) {
      expect(all, name).toContain(name);
    }
    const files = samples.map((code, i) => {
      const rewritten = rewriteImport(code);
      expect(rewritten).not.toContain(OFFICIAL);
      // `export {}` makes each sample a module of its own (top-level await, its own `let`s).
      return { name: `sample-${String(i + 1).padStart(2, "0")}.ts`, text: `${rewritten}\nexport {};\n` };
    });
    await Promise.all(files.map((f) => writeFile(join(work, f.name), f.text)));
    await writeFile(join(work, "globals.d.ts"), GLOBALS);
    await writeFile(join(work, "azure-identity.d.ts"), AZURE_IDENTITY_STUB);
    await writeFile(join(work, "package.json"), JSON.stringify({ type: "module", private: true }));
    const tsconfig = {
      compilerOptions: {
        ...CONSUMER_COMPILER_OPTIONS,
        // Stands in for installing the package (`generated-packages.test.ts` installs the real ones).
        paths: { [OURS]: [packageEntry] },
      },
      include: ["globals.d.ts", "azure-identity.d.ts", "sample-*.ts"],
    };
    await writeFile(join(work, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    const checked = await runTsc(["-p", work, "--listFiles"], work);
    expect(checked.code, output(checked)).toBe(0);
    // Every sample was part of the program (a typo in `include` would check nothing).
    for (const f of files) expect(checked.stdout).toContain(join(work, f.name));
  },
);
