/**
 * Names a generated package exports besides its models (runtime types, credential types, the
 * client's own names): a model named like one gets one name, the same in the IR (what the diff
 * reports and the CLI read) and in the TypeScript, and `index.ts` exports every name once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { analyzePackage } from "../../generator/build/package-analysis.ts";
import { CREDENTIAL_TYPES, PACKAGE_TYPE_NAMES, RUNTIME_EXPORTS } from "../../generator/ir/name-table.ts";
import { reservedTypeNames } from "../../generator/ir/build-ir.ts";
import { planPackage } from "../../generator/plan/package-plan.ts";
import { repoRoot } from "../support/paths.ts";

const fixture = join(repoRoot, "test/fixtures/names/package-names.yaml");

/** The names `index.ts` exports, in order, each as often as it is exported. */
function exportedNames(index: string): string[] {
  return [...index.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] ?? "")
      .split(",")
      .map((part) => part.trim().replace(/^type /, ""))
      .filter(Boolean),
  );
}

describe("a model named like a name the package exports", () => {
  const { ready } = analyzePackage({ file: fixture });
  if (!ready) throw new Error("the fixture does not load");

  it("keeps its IR name in the TypeScript (one name in every output)", () => {
    const plan = planPackage(ready.ir, ready.pkg).value;
    const renamed = ready.ir.types
      .map((named) => [named.name, plan.names.typeName(named.name, "output")])
      .filter(([ir, typescript]) => ir !== typescript);
    expect(renamed).toEqual([]);
  });

  it("never takes a name the package exports for something else", () => {
    const names = ready.ir.types.map((named) => named.name);
    for (const taken of ["BasicCredential", "RawResponse", "Logger", "PageSettings", "PackageNamesClientError"]) {
      expect(names).not.toContain(taken);
    }
  });

  it("is exported once by index.ts, beside the runtime's and the context's names", () => {
    const built = buildPackage({ file: fixture });
    const index = built.files.find((f) => f.path === "src/index.ts")?.content ?? "";
    const exported = exportedNames(index);
    // The package's own: the basic credential (the API takes one), the runtime's types, the service error.
    expect(exported).toEqual(
      expect.arrayContaining(["BasicCredential", "RawResponse", "Logger", "PackageNamesClientError"]),
    );
    expect(exported.filter((name, i) => exported.indexOf(name) !== i)).toEqual([]);
  });
});

describe("the name table", () => {
  it.each(Object.entries(RUNTIME_EXPORTS))("lists only what runtime/%s.ts exports", (module, exports) => {
    const source = readFileSync(join(repoRoot, "generator/runtime", `${module}.ts`), "utf8");
    const declared = new Set(
      [
        ...source.matchAll(/^export (?:declare )?(?:async )?(?:class|interface|type|function\*?|const|let) (\w+)/gm),
      ].map((m) => m[1]),
    );
    const listed = [...(exports.classes ?? []), ...(exports.types ?? []), ...(exports.values ?? [])];
    expect(listed.filter((name) => !declared.has(name))).toEqual([]);
  });

  it("is what the IR keeps free of models", () => {
    expect(reservedTypeNames("WidgetsClient")).toEqual(
      expect.arrayContaining([
        "WidgetsClient",
        "WidgetsClientContext",
        "WidgetsClientOptions",
        "WidgetsClientError",
        ...PACKAGE_TYPE_NAMES,
        ...Object.values(CREDENTIAL_TYPES),
      ]),
    );
  });
});

describe("an operation named like a value the package exports", () => {
  it("gets another name, so index.ts exports each name once", () => {
    const { ready } = analyzePackage({ file: fixture });
    const names = ready?.ir.operations.map((op) => op.name) ?? [];
    expect(names).not.toContain("continuationTokenOf");
    const index = buildPackage({ file: fixture }).files.find((f) => f.path === "src/index.ts")?.content ?? "";
    const exported = exportedNames(index);
    expect(exported).toContain("continuationTokenOf");
    expect(exported.filter((name, i) => exported.indexOf(name) !== i)).toEqual([]);
  });
});
