/**
 * The generator at real-world scale: complete packages from GitHub's and Stripe's public OpenAPI
 * descriptions (`../shared/corpus/`, or `$SPECSMITH_CORPUS`), from public documents of other shapes
 * kept in `real-specs/` (OpenAPI 3.1, split over files, server-sent events, multipart uploads, bytes,
 * allOf error hierarchies), and from the fixtures of what such specs contain (`$ref`s into other
 * components, circular schemas, Swagger-2-era leftovers, keywords TypeScript cannot express), all
 * type-checked with the packages' own compiler options (strict, noUncheckedIndexedAccess): the
 * library as `tsconfig.json` builds it, and the command line as `tsconfig.cli.json` does. Where a
 * construct cannot be typed exactly, the expected warnings are listed here, so a new approximation
 * shows up as a failing test.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics/diagnostics.ts";
import { buildIr } from "../../generator/ir/build-ir.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import { loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { corpusDocuments, realSpecDocuments, sharedCorpusFiles } from "./corpus-dir.ts";
import { typeCheckPackages, type PackageSources, type TypeCheckResult } from "../support/type-check.ts";

const fixtures = join(repoRoot, "test", "fixtures", "openapi");

interface CorpusCase {
  readonly name: string;
  readonly file: string;
  readonly operations: number;
  /** Warnings by code: what the document has that cannot be typed exactly. */
  readonly warnings: Readonly<Record<string, number>>;
}

const CASES: readonly CorpusCase[] = [
  { name: "github", file: corpusDocuments.github, operations: 874, warnings: {} },
  { name: "stripe", file: corpusDocuments.stripe, operations: 395, warnings: {} },
  { name: "redocly-museum", file: realSpecDocuments["redocly-museum"], operations: 8, warnings: {} },
  { name: "matrix-content-repo", file: realSpecDocuments["matrix-content-repo"], operations: 8, warnings: {} },
  { name: "hf-text-generation-inference", file: realSpecDocuments["hf-text-generation-inference"], operations: 12, warnings: {} },
  { name: "unstructured-api", file: realSpecDocuments["unstructured-api"], operations: 1, warnings: {} },
  { name: "paypal-catalog-products", file: realSpecDocuments["paypal-catalog-products"], operations: 4, warnings: {} },
  { name: "refs", file: join(fixtures, "refs.yaml"), operations: 4, warnings: {} },
  { name: "swagger2-leftovers", file: join(fixtures, "approximated", "swagger2-leftovers.yaml"), operations: 6, warnings: { "swagger2-leftover": 8 } },
  { name: "dangling-mapping", file: join(fixtures, "approximated", "dangling-mapping.yaml"), operations: 1, warnings: { "unresolved-mapping": 3 } },
  {
    name: "unsupported-keywords",
    file: join(fixtures, "approximated", "unsupported-keywords.yaml"),
    operations: 1,
    warnings: { "circular-inline-ref": 1, "unsupported-keyword": 6, "unsupported-value": 2 },
  },
];

interface Built {
  readonly diagnostics: readonly Diagnostic[];
  readonly files: PackageSources["files"];
}

const built = new Map<string, Built>();
let checked: TypeCheckResult | undefined;
let checkedWithCli: TypeCheckResult | undefined;

beforeAll(async () => {
  const missing = CASES.filter((c) => !existsSync(c.file)).map((c) => c.file);
  if (missing.length > 0) throw new Error(`corpus documents not found: ${missing.join(", ")} (set SPECSMITH_CORPUS to the folder that holds them)`);
  for (const c of CASES) {
    const result = buildPackage({ file: c.file, packageName: `@corpus/${c.name}` });
    built.set(c.name, { diagnostics: result.diagnostics, files: result.files });
  }
  const packages = CASES.map((c) => ({ name: c.name, files: built.get(c.name)?.files ?? [] }));
  // One after the other: two tsc runs at once on a shared 2-core machine only slow both down.
  checked = await typeCheckPackages(packages, "corpus");
  checkedWithCli = await typeCheckPackages(packages, "corpus-cli", true);
}, 300_000);

afterAll(async () => {
  // Kept when something failed, to look at.
  for (const result of [checked, checkedWithCli]) if (result && result.output === "") await result.cleanUp();
});

const countByCode = (diagnostics: readonly Diagnostic[]) => {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
};

describe.each(CASES)("$name", ({ name, operations, warnings }) => {
  it("generates a complete package with no error", () => {
    const result = built.get(name);
    expect(result?.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const paths = result?.files.map((f) => f.path) ?? [];
    for (const path of ["package.json", "tsconfig.json", "README.md", "src/index.ts", "src/client.ts"]) expect(paths).toContain(path);
    // One client method per operation (and the constructor).
    const methods = result?.files.find((f) => f.path === "src/client.ts")?.content.match(/^ {2}[A-Za-z_$][\w$]*\(/gm) ?? [];
    expect(methods.length).toBeGreaterThan(operations);
  });

  it("warns exactly where a construct could not be typed exactly", () => {
    const result = built.get(name);
    expect(result?.diagnostics.every((d) => d.severity === "error" || d.location?.line !== undefined)).toBe(true);
    expect(countByCode(result?.diagnostics ?? [])).toEqual(warnings);
  });
});

describe("every package", () => {
  it("type-checks with the package tsconfig (strict, noUncheckedIndexedAccess)", () => {
    expect(checked?.output).toBe("");
  });

  it("type-checks with its command line, as the package's tsconfig.cli.json does", () => {
    expect(checkedWithCli?.output).toBe("");
  });

  it("includes every document of the shared corpus folder", () => {
    const files = new Set(CASES.map((c) => c.file));
    expect(sharedCorpusFiles().filter((file) => !files.has(file))).toEqual([]);
  });
});

describe("what the corpus exercises", () => {
  const irOf = (file: string): ApiIR => {
    const loaded = loadOpenApi(file);
    if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
    return buildIr(loaded.value, "CorpusClient").value;
  };

  it("Stripe: form-urlencoded bodies, deepObject query parameters, large anyOf unions", () => {
    const ir = irOf(CASES[1]!.file);
    expect(ir.operations.filter((o) => o.body?.encoding === "form").length).toBeGreaterThan(300);
    expect(ir.operations.flatMap((o) => o.parameters).filter((p) => p.style === "deepObject").length).toBeGreaterThan(200);
    const unionSizes: number[] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === "object" && value !== null) {
        const node = value as { kind?: string; variants?: unknown[] };
        if (node.kind === "union" && node.variants) unionSizes.push(node.variants.length);
        Object.values(value).forEach(visit);
      }
    };
    visit(ir.types);
    expect(Math.max(...unionSizes)).toBeGreaterThanOrEqual(15);
  });
});

describe("what the public documents of other shapes exercise", () => {
  const irOf = (file: string): ApiIR => {
    const loaded = loadOpenApi(file);
    if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
    return buildIr(loaded.value, "CorpusClient").value;
  };
  const responseEncodings = (ir: ApiIR) =>
    new Set(ir.operations.flatMap((o) => o.responses.flatMap((r) => [r.encoding, ...(r.alternatives ?? []).map((a) => a.encoding)])));

  it("Museum (OpenAPI 3.1): a binary image response", () => {
    const ir = irOf(realSpecDocuments["redocly-museum"]);
    expect(ir.operations.find((o) => o.operationId === "getTicketCode")?.responses[0]).toMatchObject({ mediaType: "image/png", encoding: "binary" });
  });

  it("Matrix (split over four files): byte uploads, and schemas and security schemes read from the other files", () => {
    const ir = irOf(realSpecDocuments["matrix-content-repo"]);
    expect(ir.operations.find((o) => o.operationId === "uploadContent")?.body).toMatchObject({ mediaType: "application/octet-stream", encoding: "binary" });
    expect(responseEncodings(ir).has("binary")).toBe(true);
    expect(JSON.stringify(ir.types)).toContain("retry_after_ms");
    expect(ir.auth.map((scheme) => `${scheme.id}:${scheme.kind}`).sort()).toEqual(["accessTokenBearer:bearer", "accessTokenQuery:apiKey"]);
  });

  it("Text Generation Inference: server-sent events, alone and beside JSON", () => {
    const ir = irOf(realSpecDocuments["hf-text-generation-inference"]);
    expect(ir.operations.find((o) => o.operationId === "generate_stream")?.responses[0]?.encoding).toBe("event-stream");
    expect(ir.operations.find((o) => o.operationId === "chat_completions")?.responses[0]?.alternatives?.map((a) => a.encoding)).toEqual(["event-stream"]);
  });

  it("Unstructured: a multipart upload with a file part", () => {
    const ir = irOf(realSpecDocuments["unstructured-api"]);
    expect(ir.operations[0]?.body?.encoding).toBe("multipart");
  });

  it("PayPal: every error response an allOf of the shared error and the operation's refinement", () => {
    const ir = irOf(realSpecDocuments["paypal-catalog-products"]);
    const kinds = ir.operations.flatMap((o) => o.errors.filter((e) => /^4/.test(e.status)).map((e) => e.type?.kind));
    expect(kinds).toEqual(Array.from({ length: 15 }, () => "intersection"));
  });
});
