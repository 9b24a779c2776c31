/** Marks each named type as used in requests (input), responses (output), or both. */
import type { NamedTypeIR, OperationIR, TypeIR } from "./types.ts";

export function withUsage(types: NamedTypeIR[], operations: readonly OperationIR[]): NamedTypeIR[] {
  const byName = new Map(types.map((t) => [t.name, t]));
  const input = new Set<string>();
  const output = new Set<string>();
  // A readOnly property is never sent and a writeOnly one never received: they do not make the
  // types they reach input or output respectively.
  const visit = (type: TypeIR | undefined, seen: Set<string>) => {
    const skip = seen === input ? "readOnly" : "writeOnly";
    if (!type) return;
    switch (type.kind) {
      case "ref":
        if (seen.has(type.name)) return;
        seen.add(type.name);
        return visit(byName.get(type.name)?.type, seen);
      case "array":
        return visit(type.items, seen);
      case "map":
        return visit(type.values, seen);
      case "object":
        for (const p of type.properties) if (!p[skip]) visit(p.type, seen);
        return visit(type.additionalProperties, seen);
      case "union":
        for (const v of type.variants) visit(v, seen);
        for (const m of type.discriminator?.mapping ?? []) visit({ kind: "ref", name: m.type }, seen);
        return;
      case "intersection":
        for (const m of type.members) visit(m, seen);
        return;
      default:
        return;
    }
  };
  for (const op of operations) {
    for (const p of op.parameters) visit(p.type, input);
    visit(op.body?.type, input);
    for (const c of op.body?.alternatives ?? []) visit(c.type, input);
    for (const r of [...op.responses, ...op.errors]) {
      visit(r.type, output);
      for (const c of r.alternatives ?? []) visit(c.type, output);
      for (const h of r.headers) visit(h.type, output);
    }
  }
  return types.map((t) => ({ ...t, usage: { input: input.has(t.name), output: output.has(t.name) } }));
}
