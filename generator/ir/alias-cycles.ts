/**
 * TypeScript rejects a type alias that refers to itself *immediately*: as itself, a union or
 * intersection member, or the value type of a `Record` (`type A = A | B`, `type A = B; type B = A`,
 * `type A = Record<string, A>`: "circularly references itself"). Through an array or an object type
 * the reference is deferred and fine (`type A = A[]`, `{ next?: A }`). JSON Schema allows such
 * cycles (`oneOf: [{$ref: A}, ...]` in A itself), so they are removed here, before any emitter sees
 * them:
 *
 *  - a named type that is a member of its own union or intersection loses that member, which is
 *    exact (`A = B | A` means `A = B`; `A = A & B` is satisfied by every `B`, so `B` is sound);
 *  - any cycle left (through other named types, or `Record` values) is cut at its first member by
 *    name: the references closing the cycle become `unknown`, the nearest sound type, with a
 *    `circular-alias` warning.
 */
import type { IrContext } from "./ir-context.ts";
import { compareStrings } from "./naming.ts";
import type { NamedTypeIR, TypeIR } from "./types.ts";

const UNKNOWN: TypeIR = { kind: "unknown" };

/** Named types referred to in immediate position (not under an array or object type). */
function immediateRefs(type: TypeIR): string[] {
  switch (type.kind) {
    case "ref":
      return [type.name];
    case "union":
      return type.variants.flatMap(immediateRefs);
    case "intersection":
      return type.members.flatMap(immediateRefs);
    case "map":
      return immediateRefs(type.values);
    default:
      return [];
  }
}

/**
 * `selfOnly`: drops references to `names` that are union or intersection members (exact), nothing
 * else. Otherwise replaces every immediate reference to `names` with `unknown`, simplifying as it goes.
 */
function withoutRefs(type: TypeIR, names: ReadonlySet<string>, selfOnly: boolean): TypeIR {
  switch (type.kind) {
    case "ref":
      return !selfOnly && names.has(type.name) ? UNKNOWN : type;
    case "union": {
      const kept = selfOnly ? type.variants.filter((v) => !(v.kind === "ref" && names.has(v.name))) : type.variants;
      const variants = kept.map((v) => withoutRefs(v, names, selfOnly));
      if (variants.length === 0 || variants.some((v) => v.kind === "unknown")) return UNKNOWN;
      if (variants.length === 1 && !type.discriminator) return variants[0] ?? UNKNOWN;
      return { ...type, variants };
    }
    case "intersection": {
      const members = type.members
        .filter((m) => !(selfOnly && m.kind === "ref" && names.has(m.name)))
        .map((m) => withoutRefs(m, names, selfOnly))
        .filter((m) => m.kind !== "unknown");
      if (members.length === 0) return UNKNOWN;
      return members.length === 1 ? (members[0] ?? UNKNOWN) : { kind: "intersection", members };
    }
    case "map":
      return selfOnly ? type : { kind: "map", values: withoutRefs(type.values, names, selfOnly) };
    default:
      return type;
  }
}

/** The strongly connected components of the immediate-reference graph that contain a cycle. */
function cycles(types: ReadonlyMap<string, NamedTypeIR>): string[][] {
  const edges = new Map(
    [...types].map(([name, t]) => [
      name,
      [...new Set(immediateRefs(t.type))].filter((n) => types.has(n)).sort(compareStrings),
    ]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  // Tarjan's algorithm, iterative so that long chains of named types cannot exhaust the stack.
  for (const root of [...types.keys()].sort(compareStrings)) {
    if (index.has(root)) continue;
    const work: { name: string; next: number }[] = [{ name: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.name) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ name: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.name, Math.min(low.get(frame.name)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          component.push(member);
          if (member === frame.name) break;
        }
        const selfLoop = component.length === 1 && (edges.get(frame.name) ?? []).includes(frame.name);
        if (component.length > 1 || selfLoop) found.push(component.sort(compareStrings));
      }
    }
  }
  return found.sort((a, b) => compareStrings(a[0] ?? "", b[0] ?? ""));
}

/** Rewrites `ctx.namedTypes` so that no type alias refers to itself immediately. */
export function breakAliasCycles(ctx: IrContext): void {
  const byName = new Map([...ctx.namedTypes].map(([key, t]) => [t.name, { key, t }]));
  const current = () => new Map([...byName].map(([name, entry]) => [name, entry.t]));
  const replace = (name: string, type: TypeIR) => {
    const entry = byName.get(name);
    if (!entry) return;
    entry.t = { ...entry.t, type };
    ctx.namedTypes.set(entry.key, entry.t);
  };
  // Exact first: a type as a member of its own union or intersection.
  for (const [name, { t }] of byName) {
    if (immediateRefs(t.type).includes(name) && t.type.kind !== "ref")
      replace(name, withoutRefs(t.type, new Set([name]), true));
  }
  // Then cut what cycles remain, one member at a time, until there are none.
  for (let found = cycles(current()); found.length > 0; found = cycles(current())) {
    const component = found[0] ?? [];
    const cut = component[0] ?? "";
    const entry = byName.get(cut);
    if (!entry) break;
    const others = component.length === 1 ? "itself" : component.filter((n) => n !== cut).join(", ");
    const place = ctx.places.get(cut);
    if (place) {
      ctx.report("circular-alias", { name: entry.t.sourceName, others }, place);
    }
    replace(cut, withoutRefs(entry.t.type, new Set(component), false));
  }
}
