/**
 * The diagnostic registry is the single source of codes: a code used anywhere in the generator must
 * be declared there and documented in `generator/diagnostics/DIAGNOSTICS.md` under its own heading, with the
 * same severity; creating a diagnostic with an undeclared code fails (like TypeSpec's).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeInfo, DIAGNOSTIC_CODES, TYPESPEC_PREFIX } from "../../generator/diagnostics/diagnostic-codes.ts";
import { createDiagnostic, diagnosticJson, relayDiagnostic } from "../../generator/diagnostics/diagnostics.ts";
import { formatDiagnostic } from "../../generator/cli/format-diagnostic.ts";
import { repoRoot } from "../support/paths.ts";

const generatorDir = join(repoRoot, "generator");
const registered = Object.keys(DIAGNOSTIC_CODES).sort();

/** Every .ts file of the generator except what generated packages carry (their own runtime code). */
function generatorSources(): { path: string; text: string }[] {
  return readdirSync(generatorDir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !/(^|\/)runtime\//.test(path))
    .map((path) => ({ path, text: readFileSync(join(generatorDir, path), "utf8") }));
}

/** Codes in the places a diagnostic is made: `createDiagnostic("x"`, `report("x"`, `error("x"`, `code: "x"`. */
function usedCodes(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const pattern = /(?:createDiagnostic\(|\.report\(|\berror\(|\bcode: )\s*"([a-z0-9/-]+)"/g;
  for (const { path, text } of generatorSources()) {
    for (const match of text.matchAll(pattern)) {
      const code = match[1] ?? "";
      used.set(code, [...(used.get(code) ?? []), path]);
    }
  }
  return used;
}

/** `### \`code\`` headings of DIAGNOSTICS.md, with the severity the entry states (`**error**`). */
function documented(): Map<string, string> {
  const text = readFileSync(join(generatorDir, "diagnostics", "DIAGNOSTICS.md"), "utf8");
  const entries = new Map<string, string>();
  for (const match of text.matchAll(/^### `([^`]+)`\n\n\*\*(error|warning)\*\*/gm))
    entries.set(match[1] ?? "", match[2] ?? "");
  return entries;
}

describe("the diagnostic registry", () => {
  it("declares every code the generator uses", () => {
    const used = usedCodes();
    expect(used.size).toBeGreaterThan(15);
    const undeclared = [...used]
      .filter(([code]) => !codeInfo(code))
      .map(([code, paths]) => `${code} (${paths.join(", ")})`);
    expect(undeclared).toEqual([]);
  });

  it("documents every code once, with its severity, and nothing else", () => {
    const docs = documented();
    expect([...docs.keys()].filter((code) => code !== `${TYPESPEC_PREFIX}*`).sort()).toEqual(registered);
    for (const code of registered)
      expect(docs.get(code), code).toBe(DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].severity);
    expect(docs.get(`${TYPESPEC_PREFIX}*`)).toBe("error");
  });

  it("uses stable kebab-case codes with a one-line summary", () => {
    for (const code of registered) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      const summary = DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].summary;
      expect(summary.length, code).toBeGreaterThan(10);
      expect(summary, code).not.toContain("\n");
    }
  });

  it("refuses to create a diagnostic with an undeclared code", () => {
    expect(() => createDiagnostic("no-such-code" as "invalid-config", { problem: "message" })).toThrow(/not declared/);
    expect(() => relayDiagnostic("typespec/", "message")).toThrow(/not a TypeSpec diagnostic code/);
  });

  it("takes the severity from the registry and relays TypeSpec codes as errors", () => {
    expect(createDiagnostic("unsupported-keyword", { problem: "m" }).severity).toBe("warning");
    expect(createDiagnostic("unresolved-ref", { ref: "r", reason: "m" }).severity).toBe("error");
    expect(relayDiagnostic("typespec/unknown-identifier", "m").severity).toBe("error");
  });
});

describe("a diagnostic", () => {
  const located = createDiagnostic(
    "unknown-schema-type",
    { type: '"strin"', hint: ';\n  did you mean "string"?' },
    {
      file: "api.yaml",
      pointer: "/components/schemas/A/type",
      line: 12,
      column: 11,
    },
  );

  it("is always one line, naming file:line:col, the JSON pointer, severity and code", () => {
    expect(formatDiagnostic(located)).toBe(
      'api.yaml:12:11 (#/components/schemas/A/type) - error unknown-schema-type: unknown schema type "strin"; did you mean "string"?',
    );
  });

  it("is flat JSON for --format json", () => {
    expect(diagnosticJson(located)).toEqual({
      code: "unknown-schema-type",
      severity: "error",
      message: 'unknown schema type "strin"; did you mean "string"?',
      file: "api.yaml",
      line: 12,
      column: 11,
      pointer: "/components/schemas/A/type",
    });
    expect(diagnosticJson(relayDiagnostic("typespec/x", "m"))).toEqual({
      code: "typespec/x",
      severity: "error",
      message: "m",
    });
  });
});
