/**
 * Two export surfaces -> the changes a user of the generated package sees, each judged by an SDK
 * rule (`rules/sdk-*.ts`). Exports are matched by name, then renames are paired: the ones the caller
 * knows (an operation whose function name changed) and exports removed and added with the very
 * same declaration (a renamed model). Texts of the old side are read with the renames applied, so
 * `foo: OldName` -> `foo: NewName` is no change once `OldName` is known to be `NewName`.
 */
import { sdkLevel, sdkWhy } from "./sdk-levels.ts";
import {
  signatureText,
  type SdkDeclaration,
  type SdkExport,
  type SdkMember,
  type SdkSignature,
  type SdkSurface,
} from "./sdk-surface.ts";
import { relate, renameIdentifiers, shortType, unionDelta } from "./sdk-type-text.ts";
import { relateObjects } from "./sdk-object-text.ts";
import { usageOf } from "./sdk-usage.ts";
import type { SdkChange, SdkChangeFacts, SdkRuleId, SdkSubject, Usage } from "../types.ts";

/** Where a change is, for matching it to wire findings, with what the message opens with. */
interface Place {
  readonly export: string;
  readonly member?: string;
  readonly subject?: SdkSubject;
  readonly parameter?: SdkChangeFacts["parameter"];
}

/** How a message names a subject: "function `createUser`", "method `Client.createUser`". */
export const subjectText = (s: SdkSubject): string => `${s.kind} \`${s.name}\``;

export function compareSurfaces(
  before: SdkSurface,
  after: SdkSurface,
  knownRenames: ReadonlyMap<string, string> = new Map(),
): SdkChange[] {
  const changes: SdkChange[] = [];
  const emit = (
    ruleId: SdkRuleId,
    usage: Usage,
    place: Place,
    what: string,
    values: { before?: string; after?: string } = {},
  ) => {
    const { subject, parameter } = place;
    changes.push({
      ruleId,
      level: sdkLevel(ruleId, usage),
      export: place.export,
      ...(place.member !== undefined ? { member: place.member } : {}),
      message: `${what}: ${sdkWhy(ruleId, usage)}`,
      ...values,
      facts: { what, ...(subject ? { subject } : {}), ...(parameter ? { parameter } : {}) },
    });
  };
  const renames = pairRenames(before, after, knownRenames);
  const oldTexts = new Map([...renames, ...inlinedAliases(before, after, renames)]);
  const oldUsage = usageOf(before);
  const newUsage = usageOf(after);
  const matched = new Set<string>();
  for (const [name, old] of before) {
    const newName = renames.get(name) ?? name;
    const now = after.get(newName);
    if (!now) {
      emit("sdk-export-removed", "both", { export: name, subject: exportSubject(old) }, `${describe(old)} removed`);
      continue;
    }
    matched.add(newName);
    if (newName !== name)
      emit(
        "sdk-export-renamed",
        "both",
        { export: newName, subject: exportSubject(old) },
        `${describe(old)} renamed to \`${newName}\``,
        { before: name, after: newName },
      );
    const usage = merge(oldUsage(name), newUsage(newName));
    new DeclarationComparison(emit, oldTexts, newName, usage).compare(old, now);
  }
  for (const [name, now] of after)
    if (!matched.has(name))
      emit("sdk-export-added", "both", { export: name, subject: exportSubject(now) }, `${describe(now)} added`);
  return changes.sort(compareChanges);
}

const merge = (a: Usage, b: Usage): Usage => (a === b ? a : "both");

const KIND_WORD: Record<SdkDeclaration["kind"], SdkSubject["kind"]> = {
  function: "function",
  interface: "interface",
  class: "class",
  type: "type",
  const: "const",
  enum: "enum",
  unresolved: "export",
};

const exportSubject = (e: SdkExport): SdkSubject => ({ kind: KIND_WORD[e.declaration.kind], name: e.name });
const describe = (e: SdkExport) => subjectText(exportSubject(e));

/**
 * Type aliases the new package no longer exports (not renamed), by their text: a document that
 * inlines the shared schema behind `StringModel = string | null` spells the same type
 * `string | null`, so old texts are read with the alias expanded. (The removed export itself is
 * still reported.)
 */
function inlinedAliases(
  before: SdkSurface,
  after: SdkSurface,
  renames: ReadonlyMap<string, string>,
): Map<string, string> {
  const inlined = new Map<string, string>();
  for (const [name, e] of before) {
    const d = e.declaration;
    if (d.kind === "type" && d.typeParameters === "" && !after.has(name) && !renames.has(name))
      inlined.set(name, `(${d.text})`);
  }
  return inlined;
}

/** Known renames, plus exports removed and added with an identical declaration (one of each). */
function pairRenames(before: SdkSurface, after: SdkSurface, known: ReadonlyMap<string, string>): Map<string, string> {
  const renames = new Map(
    [...known].filter(([from, to]) => before.has(from) && after.has(to) && !after.has(from) && !before.has(to)),
  );
  const removed = [...before.keys()].filter((n) => !after.has(n) && !renames.has(n));
  const taken = new Set(renames.values());
  const added = [...after.keys()].filter((n) => !before.has(n) && !taken.has(n));
  const byShape = (names: readonly string[], surface: SdkSurface, rename: ReadonlyMap<string, string>) => {
    const map = new Map<string, string[]>();
    for (const n of names) {
      const key = renameIdentifiers(shape(surface.get(n)!), rename);
      map.set(key, [...(map.get(key) ?? []), n]);
    }
    return map;
  };
  const oldShapes = byShape(removed, before, renames);
  const newShapes = byShape(added, after, new Map());
  for (const [key, olds] of oldShapes) {
    const news = newShapes.get(key);
    if (olds.length === 1 && news?.length === 1) renames.set(olds[0]!, news[0]!);
  }
  return renames;
}

/** A declaration as one string, without its name: equal strings are the same declaration. */
function shape(e: SdkExport): string {
  return (
    JSON.stringify(e.declaration, (_key, value: unknown) => (value instanceof Map ? [...value].sort() : value)) +
    (e.typeOnly ? " type" : "")
  );
}

type Emit = (
  ruleId: SdkRuleId,
  usage: Usage,
  place: Place,
  what: string,
  values?: { before?: string; after?: string },
) => void;

/** One export matched on both sides. */
class DeclarationComparison {
  readonly #emit: Emit;
  readonly #renames: ReadonlyMap<string, string>;
  readonly #name: string;
  readonly #usage: Usage;

  constructor(emit: Emit, renames: ReadonlyMap<string, string>, name: string, usage: Usage) {
    this.#emit = emit;
    this.#renames = renames;
    this.#name = name;
    this.#usage = usage;
  }

  /** An old-side text, read with the renames applied. */
  #old(text: string): string {
    return renameIdentifiers(text, this.#renames);
  }

  compare(old: SdkExport, now: SdkExport): void {
    const [a, b] = [old.declaration, now.declaration];
    const place = { export: this.#name };
    if (a.kind !== b.kind) {
      this.#emit(
        "sdk-export-kind-changed",
        this.#usage,
        place,
        `\`${this.#name}\` changed from ${KIND_WORD[a.kind]} to ${KIND_WORD[b.kind]}`,
        { before: a.kind, after: b.kind },
      );
      return;
    }
    if (!old.typeOnly && now.typeOnly)
      this.#emit("sdk-export-became-type-only", "both", place, `\`${this.#name}\` is now exported as a type only`);
    if (old.typeOnly && !now.typeOnly)
      this.#emit("sdk-export-became-value", "both", place, `\`${this.#name}\` is now exported as a value too`);
    if ("typeParameters" in a && "typeParameters" in b && this.#old(a.typeParameters) !== b.typeParameters) {
      this.#emit("sdk-type-parameters-changed", this.#usage, place, `type parameters of \`${this.#name}\` changed`, {
        before: a.typeParameters,
        after: b.typeParameters,
      });
    }
    if (a.kind === "function" && b.kind === "function")
      this.#signatures(a.signatures, b.signatures, undefined, "input");
    else if ((a.kind === "interface" || a.kind === "class") && (b.kind === "interface" || b.kind === "class")) {
      const heritage = (list: readonly string[]) => list.join(", ");
      if (this.#old(heritage(a.heritage)) !== heritage(b.heritage)) {
        this.#emit("sdk-extends-changed", this.#usage, place, `what \`${this.#name}\` extends changed`, {
          before: heritage(a.heritage),
          after: heritage(b.heritage),
        });
      }
      // Classes are instantiated by the package and read or called by users: their members are output.
      this.#members(a.members, b.members, a.kind === "class" ? "output" : this.#usage);
    } else if (a.kind === "type" && b.kind === "type") {
      const subject: SdkSubject = { kind: "type", name: this.#name };
      this.#type(this.#old(a.text), b.text, this.#usage, { ...place, subject }, subjectText(subject));
    } else if ((a.kind === "const" || a.kind === "enum") && (b.kind === "const" || b.kind === "enum"))
      this.#constant(a, b);
    else if (a.kind === "unresolved" && b.kind === "unresolved" && a.text !== b.text) {
      this.#emit("sdk-type-changed", "both", place, `\`${this.#name}\` is re-exported from elsewhere`, {
        before: a.text,
        after: b.text,
      });
    }
  }

  #constant(
    a: Extract<SdkDeclaration, { kind: "const" | "enum" }>,
    b: Extract<SdkDeclaration, { kind: "const" | "enum" }>,
  ): void {
    const [am, bm] = [a.members, b.members];
    if (!am || !bm) {
      const [ta, tb] = [a.kind === "const" ? this.#old(a.text) : "", b.kind === "const" ? b.text : ""];
      if (ta !== tb)
        this.#emit("sdk-const-changed", "both", { export: this.#name }, `const \`${this.#name}\` changed`, {
          before: ta,
          after: tb,
        });
      return;
    }
    for (const [key, value] of am) {
      const place = { export: this.#name, member: key };
      const now = bm.get(key);
      if (now === undefined)
        this.#emit("sdk-const-member-removed", "both", place, `\`${this.#name}.${key}\` removed`, { before: value });
      else if (now !== value)
        this.#emit(
          "sdk-const-member-changed",
          "both",
          place,
          `\`${this.#name}.${key}\` changed from ${value} to ${now}`,
          { before: value, after: now },
        );
    }
    for (const [key, value] of bm)
      if (!am.has(key))
        this.#emit(
          "sdk-const-member-added",
          "both",
          { export: this.#name, member: key },
          `\`${this.#name}.${key}\` (${value}) added`,
          { after: value },
        );
  }

  #members(before: ReadonlyMap<string, SdkMember>, after: ReadonlyMap<string, SdkMember>, usage: Usage): void {
    const owner = this.#name;
    const subject = (key: string, m: SdkMember): SdkSubject => ({ kind: m.kind, name: `${owner}.${key}` });
    const label = (key: string, m: SdkMember) => subjectText(subject(key, m));
    const declared = (key: string, m: SdkMember) =>
      `property \`${owner}.${key}${m.optional ? "?" : ""}: ${shortType(m.type, 60)}\``;
    // A method named after a renamed export (the client's method of a renamed operation) is renamed with it.
    const renamedTo = (key: string) => {
      const to = this.#renames.get(key);
      return to !== undefined &&
        !after.has(key) &&
        !before.has(to) &&
        after.get(to)?.kind === "method" &&
        before.get(key)?.kind === "method"
        ? to
        : undefined;
    };
    const renamedFrom = new Map<string, string>();
    for (const [key, m] of before) {
      if (after.has(key)) continue;
      const to = renamedTo(key);
      if (to !== undefined) {
        renamedFrom.set(to, key);
        this.#emit(
          "sdk-method-renamed",
          usage,
          { export: owner, member: to, subject: subject(key, m) },
          `${label(key, m)} renamed to \`${to}\``,
          { before: key, after: to },
        );
        continue;
      }
      const id = m.kind === "method" ? "sdk-method-removed" : "sdk-property-removed";
      this.#emit(
        id,
        usage,
        { export: owner, member: key, subject: subject(key, m) },
        `${m.kind === "method" ? label(key, m) : declared(key, m)} removed`,
        { before: this.#old(m.type) },
      );
    }
    for (const [key, n] of after) {
      const place = { export: owner, member: key, subject: subject(key, n) };
      const m = before.get(renamedFrom.get(key) ?? key);
      if (!m) {
        const id = n.optional
          ? "sdk-property-added-optional"
          : n.kind === "method"
            ? "sdk-method-added"
            : "sdk-property-added-required";
        this.#emit(id, usage, place, `${n.kind === "method" ? label(key, n) : declared(key, n)} added`, {
          after: n.type,
        });
        continue;
      }
      if (m.optional && !n.optional)
        this.#emit("sdk-property-became-required", usage, place, `${label(key, n)} is now required`);
      if (!m.optional && n.optional)
        this.#emit("sdk-property-became-optional", usage, place, `${label(key, n)} is now optional`);
      if (!m.readonly && n.readonly)
        this.#emit("sdk-property-became-read-only", usage, place, `${label(key, n)} is now readonly`);
      if (m.readonly && !n.readonly)
        this.#emit("sdk-property-became-mutable", usage, place, `${label(key, n)} is no longer readonly`);
      if (m.kind === "method" && n.kind === "method") {
        // User code calls the methods of what it receives and implements those of what it passes.
        this.#signatures(
          m.signatures,
          n.signatures,
          key,
          usage === "input" ? "output" : usage === "output" ? "input" : "both",
        );
      } else this.#type(this.#old(m.type), n.type, usage, place, label(key, n));
    }
  }

  /**
   * Signatures of a function (`member` undefined) or a method. `parameterUsage` is how its
   * parameters travel (input when user code calls it); the return type travels the other way.
   */
  #signatures(
    before: readonly SdkSignature[],
    after: readonly SdkSignature[],
    member: string | undefined,
    parameterUsage: Usage,
  ): void {
    const subject = member === undefined ? `\`${this.#name}\`` : `\`${this.#name}.${member}\``;
    const place = { export: this.#name, ...(member !== undefined ? { member } : {}) };
    if (before.length !== 1 || after.length !== 1) {
      const oldTexts = before.map((s) => this.#old(signatureText(s)));
      const newTexts = after.map(signatureText);
      for (const t of oldTexts)
        if (!newTexts.includes(t))
          this.#emit("sdk-overload-removed", "both", place, `${subject} lost the signature \`${shortType(t)}\``, {
            before: t,
          });
      for (const t of newTexts)
        if (!oldTexts.includes(t))
          this.#emit("sdk-overload-added", "both", place, `${subject} gained the signature \`${shortType(t)}\``, {
            after: t,
          });
      return;
    }
    const [a, b] = [before[0]!, after[0]!];
    if (this.#old(a.typeParameters) !== b.typeParameters) {
      this.#emit("sdk-type-parameters-changed", "both", place, `type parameters of ${subject} changed`, {
        before: a.typeParameters,
        after: b.typeParameters,
      });
    }
    new ParameterComparison(this.#emit, (t) => this.#old(t), subject, place, member).compare(
      a.parameters,
      b.parameters,
      parameterUsage,
      (...args) => this.#type(...args),
    );
    const returnUsage: Usage = parameterUsage === "input" ? "output" : parameterUsage === "output" ? "input" : "both";
    this.#type(this.#old(a.returnType), b.returnType, returnUsage, place, `return type of ${subject}`);
  }

  #type(before: string, after: string, usage: Usage, place: Place, subject: string): void {
    // Texts were normalised when read (and renaming keeps them so).
    const relation = relate(before, after);
    if (relation === "same") return;
    const values = { before, after };
    if (relation === "equivalent") {
      const delta = unionDelta(before, after);
      if (delta.added.length === 0 && delta.removed.length === 0) return; // the same members, spelled differently
      const parts = [
        ...(delta.added.length ? [`added ${delta.added.join(", ")}`] : []),
        ...(delta.removed.length ? [`removed ${delta.removed.join(", ")}`] : []),
      ];
      // The message opens with "known values", not with the subject.
      const { subject: _opening, ...at } = place;
      this.#emit(
        "sdk-known-values-changed",
        usage,
        at,
        `known values of ${subject} changed${parts.length ? ` (${parts.join("; ")})` : ""}`,
        values,
      );
      return;
    }
    const id =
      relation === "widened" ? "sdk-type-widened" : relation === "narrowed" ? "sdk-type-narrowed" : "sdk-type-changed";
    this.#emit(id, usage, place, `${subject} ${relation}: ${typeChangeText(before, after)}`, values);
  }
}

type TypeCheck = (before: string, after: string, usage: Usage, place: Place, subject: string) => void;

/** Parameters are positional: matched by name, renames in place, and the order that results. */
class ParameterComparison {
  readonly #emit: Emit;
  readonly #old: (text: string) => string;
  readonly #subject: string;
  readonly #place: Place;
  readonly #member: string | undefined;

  constructor(emit: Emit, old: (text: string) => string, subject: string, place: Place, member: string | undefined) {
    this.#emit = emit;
    this.#old = old;
    this.#subject = subject;
    this.#place = place;
    this.#member = member;
  }

  #at(name: string): Place {
    const of = this.#member;
    return {
      export: this.#place.export,
      member: `${of ?? ""}(${name})`,
      parameter: { name, ...(of !== undefined ? { of } : {}) },
    };
  }

  compare(
    before: readonly SdkSignature["parameters"][number][],
    after: readonly SdkSignature["parameters"][number][],
    usage: Usage,
    type: TypeCheck,
  ): void {
    const oldNames = before.map((p) => p.name);
    const newNames = after.map((p) => p.name);
    const pairs = new Map<number, number>();
    before.forEach((p, i) => {
      const j = newNames.indexOf(p.name);
      if (j >= 0) pairs.set(i, j);
    });
    before.forEach((p, i) => {
      const q = after[i];
      if (pairs.has(i) || !q || newNames.indexOf(q.name) !== i || oldNames.includes(q.name)) return;
      if (this.#old(p.type) !== q.type || p.optional !== q.optional) return;
      pairs.set(i, i);
      this.#emit(
        "sdk-parameter-renamed",
        usage,
        this.#at(q.name),
        `parameter \`${p.name}\` of ${this.#subject} renamed to \`${q.name}\``,
        { before: p.name, after: q.name },
      );
    });
    const pairedNew = new Set(pairs.values());
    before.forEach((p, i) => {
      if (!pairs.has(i))
        this.#emit(
          "sdk-parameter-removed",
          usage,
          this.#at(p.name),
          `parameter \`${p.name}\` of ${this.#subject} removed`,
          { before: p.type },
        );
    });
    after.forEach((q, j) => {
      if (pairedNew.has(j)) return;
      const text = `\`${shortType(`${q.name}${q.optional ? "?" : ""}: ${q.type}`)}\``;
      const trailing = after.slice(j + 1).every((_, k) => !pairedNew.has(j + 1 + k));
      const id = !q.optional
        ? "sdk-parameter-added-required"
        : trailing
          ? "sdk-parameter-added-optional"
          : "sdk-parameter-inserted";
      this.#emit(id, usage, this.#at(q.name), `parameter ${text} added to ${this.#subject}`, { after: q.type });
    });
    const order = [...pairs].sort((x, y) => x[0] - y[0]).map(([, j]) => j);
    if (order.some((j, k) => k > 0 && j < order[k - 1]!)) {
      this.#emit("sdk-parameters-reordered", usage, this.#place, `parameters of ${this.#subject} reordered`, {
        before: oldNames.join(", "),
        after: newNames.join(", "),
      });
    }
    for (const [i, j] of pairs) {
      const [p, q] = [before[i]!, after[j]!];
      const at = this.#at(q.name);
      if (p.optional && !q.optional)
        this.#emit(
          "sdk-parameter-became-required",
          usage,
          at,
          `parameter \`${q.name}\` of ${this.#subject} is now required`,
        );
      if (!p.optional && q.optional)
        this.#emit(
          "sdk-parameter-became-optional",
          usage,
          at,
          `parameter \`${q.name}\` of ${this.#subject} is now optional`,
        );
      type(this.#old(p.type), q.type, usage, at, `parameter \`${q.name}\` of ${this.#subject}`);
    }
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareChanges(a: SdkChange, b: SdkChange): number {
  return (
    cmp(a.export, b.export) ||
    cmp(a.member ?? "", b.member ?? "") ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

const SHOWN_DIFFERENCES = 4;

/**
 * Two inline object types: the paths that differ (`.settings.b added (optional)`), as two long
 * texts cut to the same length often look alike; other types: both texts, shortened.
 */
function typeChangeText(before: string, after: string): string {
  const differences = relateObjects(before, after, relate);
  if (!differences || differences.length === 0) return `\`${shortType(before, 60)}\` → \`${shortType(after, 60)}\``;
  const shown = differences.slice(0, SHOWN_DIFFERENCES).map((d) => `\`${d.path}\` ${shortType(d.detail, 60)}`);
  const more = differences.length - shown.length;
  return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}
