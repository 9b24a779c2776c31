/** Marks each named type as used in requests (input), responses (output), or both. */
import { childTypes } from "./type-children.ts";
import type { NamedTypeIR, OperationIR, TypeIR } from "./types.ts";

export function withUsage(types: NamedTypeIR[], operations: readonly OperationIR[]): NamedTypeIR[] {
  const byName = new Map(types.map((t) => [t.name, t]));
  const input = new Set<string>();
  const output = new Set<string>();
  // A readOnly property is never sent and a writeOnly one never received: they do not make the
  // types they reach input or output respectively. A work list, not recursion: a chain of ten
  // thousand `$ref` aliases is as easy as one, and each named type is expanded once per side.
  const visit = (roots: readonly (TypeIR | undefined)[], seen: Set<string>) => {
    const skip = seen === input ? "readOnly" : "writeOnly";
    const work = roots.filter((t): t is TypeIR => t !== undefined);
    for (let type = work.pop(); type; type = work.pop()) {
      if (type.kind === "ref") {
        if (seen.has(type.name)) continue;
        seen.add(type.name);
        const named = byName.get(type.name);
        if (named) work.push(named.type);
        continue;
      }
      work.push(...childTypes(type, (p) => !p[skip]));
      if (type.kind === "union")
        for (const m of type.discriminator?.mapping ?? []) work.push({ kind: "ref", name: m.type });
    }
  };
  for (const op of operations) {
    visit(
      [...op.parameters.map((p) => p.type), op.body?.type, ...(op.body?.alternatives ?? []).map((c) => c.type)],
      input,
    );
    for (const r of [...op.responses, ...op.errors]) {
      visit([r.type, ...(r.alternatives ?? []).map((c) => c.type), ...r.headers.map((h) => h.type)], output);
    }
  }
  return types.map((t) => ({ ...t, usage: { input: input.has(t.name), output: output.has(t.name) } }));
}
