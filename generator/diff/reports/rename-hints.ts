/**
 * Rename hints: in one model, a property removed and one added with the same type is often a
 * rename, which the wire cannot tell from two changes (clients see both). The report says so
 * beside the two findings, so a reviewer checks the pair instead of reading them as unrelated.
 */
import type { ApiIR, PropertyIR, TypeIR } from "../../ir/types.ts";
import { propertyOfSegment, TypeTable } from "../engine/diff-context.ts";
import { describeType } from "../engine/type-shape.ts";
import type { Finding, RenameHint } from "../types.ts";

/** `Model.name` or `Model["odd name"]` findings: the property's name, else undefined. */
function topProperty(f: Finding): string | undefined {
  const steps = f.facts?.steps ?? [];
  return f.model && steps.length === 1 ? propertyOfSegment(steps[0]!) : undefined;
}

/** The properties of a named object model (through refs and `allOf` members). */
function propertiesOf(table: TypeTable, name: string): readonly PropertyIR[] {
  const out: PropertyIR[] = [];
  const work: TypeIR[] = [table.deref({ kind: "ref", name } as TypeIR)];
  for (let type = work.pop(), guard = 0; type && guard < 50; type = work.pop(), guard++) {
    if (type.kind === "object") out.push(...type.properties);
    if (type.kind === "intersection") work.push(...type.members.map((m) => table.deref(m)));
  }
  return out;
}

export function renameHints(findings: readonly Finding[], oldApi: ApiIR, newApi: ApiIR): RenameHint[] {
  const [oldTypes, newTypes] = [new TypeTable(oldApi), new TypeTable(newApi)];
  const hints = new Map<string, RenameHint>();
  const byModel = new Map<string, Finding[]>();
  for (const f of findings)
    if (f.model && topProperty(f) !== undefined) byModel.set(f.model, [...(byModel.get(f.model) ?? []), f]);
  for (const [model, list] of byModel) {
    const names = (rule: RegExp) => [...new Set(list.filter((f) => rule.test(f.ruleId)).map((f) => topProperty(f)!))];
    const removed = names(/property-removed$/);
    const added = names(/property-added/);
    if (removed.length === 0 || added.length === 0) continue;
    const before = propertiesOf(oldTypes, model);
    const after = propertiesOf(newTypes, model);
    const taken = new Set<string>();
    for (const from of removed) {
      const old = before.find((p) => p.name === from);
      const shape = old && JSON.stringify(old.type);
      const to = added.find(
        (name) => !taken.has(name) && JSON.stringify(after.find((p) => p.name === name)?.type) === shape,
      );
      if (!old || to === undefined) continue;
      taken.add(to);
      hints.set(`${model}\0${from}`, { model, from, to, type: describeType(old.type) });
    }
  }
  return [...hints.values()].sort((a, b) =>
    a.model === b.model ? (a.from < b.from ? -1 : 1) : a.model < b.model ? -1 : 1,
  );
}
