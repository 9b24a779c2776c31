/**
 * The emitters over real documents: the committed OpenAPI of every service and the fixture corpus,
 * through the real loader and IR builder. Everything emitted must type-check (one tsc run).
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitSources } from "../../generator/build/print-files.ts";
import { buildIr } from "../../generator/ir/build-ir.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import { isObject, loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { clientName, packageInfo } from "../../generator/build/package-naming.ts";
import { generatedDir, repoRoot } from "../support/paths.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";

const openapiDir = join(generatedDir, "openapi");
const fixturesDir = join(repoRoot, "test", "fixtures", "openapi");
const documents = [
  ...readdirSync(openapiDir).flatMap((service) =>
    readdirSync(join(openapiDir, service)).map((file) => ({
      name: `${service}-${file.replace(/\.yaml$/, "")}`,
      file: join(openapiDir, service, file),
    })),
  ),
  ...readdirSync(fixturesDir)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => ({ name: `fixture-${file.replace(/\.(ya?ml|json)$/, "")}`, file: join(fixturesDir, file) })),
];

function build(file: string, name: string): { api: ApiIR; emit: () => OutputFile[] } {
  const loaded = loadOpenApi(file);
  if (!loaded.value) throw new Error(`${file}: ${JSON.stringify(loaded.diagnostics)}`);
  const info = isObject(loaded.value.root["info"]) ? loaded.value.root["info"] : {};
  const title = typeof info["title"] === "string" ? info["title"] : name;
  const ir = buildIr(loaded.value, clientName(title));
  const pkg = packageInfo({
    packageName: `@test/${name}`,
    service: name,
    apiVersion: ir.value.apiVersion,
    title,
    source: basename(file),
    regenerate: "specsmith generate",
  });
  return { api: ir.value, emit: () => emitSources(ir.value, pkg) };
}

const built = documents.map((d) => ({ ...d, ...build(d.file, d.name) }));
const emitted: Record<string, OutputFile[]> = Object.fromEntries(built.map((b) => [b.name, b.emit()]));

let compiled: CompiledPackages;
beforeAll(async () => {
  compiled = await compilePackages(emitted, "documents");
});
afterAll(async () => {
  // Kept when something failed, to look at.
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

describe("emitSources over the OpenAPI documents", () => {
  it("covers the services and the fixture corpus", () => {
    expect(Object.keys(emitted)).toContain("communication-identity-2025-03-02-preview");
    expect(Object.keys(emitted)).toContain("api-management-2022-08-01");
    expect(Object.keys(emitted).length).toBeGreaterThan(8);
  });

  it("emits sources that all type-check with --strict --noUncheckedIndexedAccess", () => {
    expect(compiled.diagnostics).toBe("");
  });

  it("emits the same bytes twice, also for the large document, quickly", () => {
    const started = performance.now();
    for (const b of built) expect(b.emit(), b.name).toEqual(emitted[b.name]);
    // Structures printed through one shared Project take well under a second here; node-by-node
    // manipulation would take many.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives Communication Identity the constructor shapes of @azure/communication-identity", () => {
    const client =
      emitted["communication-identity-2025-03-02-preview"]?.find((f) => f.path === "src/client.ts")?.content ?? "";
    expect(client).toContain("constructor(connectionString: string, options?: CommunicationIdentityClientOptions);");
    expect(client).toContain(
      "constructor(\n    endpoint: string,\n    credential: KeyCredential | TokenCredential,\n    options?: CommunicationIdentityClientOptions,\n  );",
    );
    const arm = emitted["api-management-2022-08-01"]?.find((f) => f.path === "src/client.ts")?.content ?? "";
    expect(arm).toContain("constructor(credential: TokenCredential, options?: ApiManagementClientOptions)");
  });
});
