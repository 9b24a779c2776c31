/**
 * Long chains of named types (issue 15 item 7): a `$ref` alias chain and an `allOf` chain of
 * 10,000 models each generate a package, with the chain resolved end to end (the leaf's date is
 * converted at the root, the command line has the leaf's flags), instead of running for minutes or
 * overflowing the stack. Times are printed by `bench/graph-chains.ts`; nothing here is timed.
 */
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/ir/build-ir.ts";
import { loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { allOfChain, refAliasChain } from "../support/hostile-graphs.ts";

const LENGTH = 10_000;

function build(document: Record<string, unknown>) {
  const built = buildPackage({ file: "chain.json", text: JSON.stringify(document), packageName: "@hostile/chain" });
  const file = (path: string) => built.files.find((f) => f.path === path)?.content ?? "";
  return { built, file };
}

describe("chains of 10,000 named types", () => {
  it("a $ref alias chain resolves: usage, conversions and CLI flags reach its end", () => {
    const text = JSON.stringify(refAliasChain(LENGTH));
    const ir = buildIr(loadOpenApi("chain.json", text).value!, "Graph");
    const leaf = ir.value.types.find((t) => t.name === `A${LENGTH - 1}`);
    expect(leaf?.usage).toEqual({ input: true, output: true });

    const { built, file } = build(refAliasChain(LENGTH));
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(file("src/models.ts")).toMatch(/^export interface A0 extends A1 \{\}$/m);
    // The date-time at the end of the chain is converted where the operation uses the root.
    expect(file("src/serialization.ts")).toMatch(
      /export function deserializeA0\([^)]*\): A0 \{\n(?: .*\n)*?.*toDate\(/,
    );
    // The command line reads the leaf object's properties as flags.
    expect(file("src/cli/commands.ts")).toContain('{ flag: "id", to: { body: ["id"] } }');
  });

  it("an allOf chain generates one interface per model, each extending the next", () => {
    const { built, file } = build(allOfChain(LENGTH));
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const models = file("src/models.ts");
    expect(models).toContain("export interface A0 extends A1 {");
    expect(models).toContain(`export interface A${LENGTH - 2} extends A${LENGTH - 1} {`);
    // The root's converter converts the dates of every model it inherits from.
    const converter =
      /export function deserializeA0\([^)]*\)[^{]*\{([\s\S]*?)\n\}/.exec(file("src/serialization.ts"))?.[1] ?? "";
    expect(converter).toContain("p0");
    expect(converter).toContain(`p${LENGTH - 2}`);
  });
});
