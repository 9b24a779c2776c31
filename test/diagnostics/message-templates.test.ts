/**
 * Messages are data too: each code's entry in the table holds the message template, a diagnostic is
 * made from a code and the template's parameters, and the collector renders it. The parameter types
 * are read from the templates, so leaving one out does not compile (checked by `tsc` over this file).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { DiagnosticCollector } from "../../generator/diagnostics/collector.ts";
import {
  DIAGNOSTIC_CODES,
  type MessageParams,
  type RegisteredCode,
} from "../../generator/diagnostics/diagnostic-codes.ts";
import { createDiagnostic } from "../../generator/diagnostics/diagnostics.ts";
import { repoRoot } from "../support/paths.ts";

const codes = Object.keys(DIAGNOSTIC_CODES) as RegisteredCode[];
const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

describe("message templates", () => {
  it("every code has a one-line template whose braces are all parameters", () => {
    for (const code of codes) {
      const template = DIAGNOSTIC_CODES[code].message;
      expect(template.trim().length, code).toBeGreaterThan(0);
      expect(template, code).not.toMatch(/[\n\r]/);
      expect(template.replace(/\{\w+\}/g, ""), code).not.toMatch(/[{}]/);
    }
  });

  it("renders every code's template from its parameters, as one line, whatever the values hold", () => {
    for (const code of codes) {
      const names = placeholders(DIAGNOSTIC_CODES[code].message);
      const params = Object.fromEntries(names.map((name) => [name, `first\n   then ${name} {notAParameter}`]));
      const { message, severity } = createDiagnostic(code, params as MessageParams<typeof code>);
      expect(severity, code).toBe(DIAGNOSTIC_CODES[code].severity);
      expect(message, code).not.toMatch(/[\n\r]/);
      // Substituted text is not scanned again: a value that looks like a parameter stays as it is.
      for (const name of names) expect(message, code).toContain(`first then ${name} {notAParameter}`);
    }
  });

  it("renders the message text the call sites wrote before the table held it", () => {
    expect(
      createDiagnostic("string-required", { value: '"yes"', expected: "a boolean", reading: "ignored (not required)" })
        .message,
    ).toBe('`required` is the string "yes", not a boolean; ignored (not required)');
    expect(
      createDiagnostic("output-write-failed", { path: "out/a.ts", reason: "disk full", errno: "ENOSPC" }).message,
    ).toBe("cannot write out/a.ts: disk full (ENOSPC); the previous output was left as it was");
    expect(createDiagnostic("schema-too-deep", { depth: 64 }).message).toBe(
      "schemas nest more than 64 levels deep here; the inner ones are typed as unknown",
    );
  });

  it("a parameter left out is a bug in specsmith: it throws, naming the code and the parameter", () => {
    const missing = { ref: '`$ref` "#/x"' } as unknown as MessageParams<"unresolved-ref">;
    expect(() => createDiagnostic("unresolved-ref", missing)).toThrow(
      /"unresolved-ref" was made without its parameter "reason"/,
    );
  });

  it("types each code's parameters from its template", () => {
    expectTypeOf<MessageParams<"unresolved-ref">>().toEqualTypeOf<{
      readonly ref: string | number;
      readonly reason: string | number;
    }>();
    expectTypeOf<MessageParams<"invalid-document">>().toEqualTypeOf<{}>();
    // Never called: these lines exist for tsc, which fails the build if any of them compiles.
    const mistakes = () => [
      // @ts-expect-error: `reason` is left out
      createDiagnostic("unresolved-ref", { ref: "r" }),
      // @ts-expect-error: a free-text message is not the template's parameters
      createDiagnostic("unresolved-ref", "r cannot be resolved"),
      // @ts-expect-error: `deep` is not a parameter of the template
      createDiagnostic("schema-too-deep", { depth: 64, deep: true }),
      // @ts-expect-error: a TypeSpec code is relayed, not made from a template
      createDiagnostic("typespec/unknown-identifier", { message: "m" }),
    ];
    expect(typeof mistakes).toBe("function");
  });
});

describe("the collector", () => {
  it("renders, takes the severity from the table and keeps the location", () => {
    const found = new DiagnosticCollector();
    found.report("unsupported-value", { kind: "array" }, { file: "api.yaml", pointer: "/enum/0" });
    expect(found.hasErrors).toBe(false);
    found.report("unknown-security-scheme", { scheme: '"key"' }, { file: "api.yaml", pointer: "/security" });
    expect(found.hasErrors).toBe(true);
    expect(found.diagnostics).toEqual([
      {
        code: "unsupported-value",
        severity: "warning",
        message: "an array as an `enum`/`const` value is typed as unknown",
        location: { file: "api.yaml", pointer: "/enum/0" },
      },
      {
        code: "unknown-security-scheme",
        severity: "error",
        message: 'security names the scheme "key", which is not declared',
        location: { file: "api.yaml", pointer: "/security" },
      },
    ]);
  });
});

describe("the diagnostics core", () => {
  const folder = join(repoRoot, "generator", "diagnostics");
  const imports = (file: string) =>
    [...readFileSync(join(folder, file), "utf8").matchAll(/^(?:import|export)[^"]*from "([^"]+)"/gm)].map(
      (m) => m[1] ?? "",
    );

  it("depends on nothing outside its folder, and the code table on nothing at all (no import cycle)", () => {
    expect(imports("diagnostic-codes.ts")).toEqual([]);
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
      for (const target of imports(file)) expect(target, `${file} imports ${target}`).toMatch(/^\.\/[\w-]+\.ts$/);
    }
  });
});
