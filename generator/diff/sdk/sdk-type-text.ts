/**
 * Type texts of the generated TypeScript API, compared as text: no type checker (one call per node
 * would dominate the cost, ts-morph docs "Performance"), which is enough because both packages
 * come from the same emitter and so spell equal types equally.
 *
 * `relate` says how a type changed: widened (accepts more), narrowed (accepts less), equivalent
 * (the same set of values spelled differently, e.g. an extensible union's known values), changed.
 */

import { relateObjects } from "./sdk-object-text.ts";

export type TypeRelation = "same" | "widened" | "narrowed" | "equivalent" | "changed";

/** Comments removed and whitespace collapsed, string literals kept as written. */
export function normalizeType(text: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const end = closingQuote(text, i);
      if (space && out) out += " ";
      space = false;
      out += text.slice(i, end + 1);
      i = end;
    } else if (c === "/" && text[i + 1] === "/") {
      i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
      space = true;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 1;
      space = true;
    } else if (/\s/.test(c)) space = true;
    else {
      if (space && out) out += " ";
      space = false;
      out += c;
    }
  }
  return out;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  return text.length - 1;
}

/** Splits `text` at top-level occurrences of `separator` (outside brackets and strings). */
export function splitTopLevel(text: string, separator: "|" | "," | ";"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") i = closingQuote(text, i);
    else if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    else if (c === ")" || c === "]" || c === "}" || (c === ">" && text[i - 1] !== "=")) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== "");
}

/** `(A | B)` -> `A | B` when the parentheses enclose the whole text. */
export function unwrapParens(text: string): string {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")") && matchingClose(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

export function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") i = closingQuote(text, i);
    else if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    else if (c === ")" || c === "]" || c === "}" || (c === ">" && text[i - 1] !== "=")) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const unionMembers = (text: string): string[] => [...new Set(splitTopLevel(unwrapParens(text), "|").map(unwrapParens))];

const isStringLiteral = (t: string) => /^(["'`]).*\1$/s.test(t);
const isOpenString = (t: string) => t === "string" || t === "string & {}";

/** Whether every value of type member `b` is a value of member `a` (a small, sound lattice). */
function covers(a: string, b: string): boolean {
  if (a === b || a === "unknown" || a === "any") return true;
  if (isOpenString(a)) return isOpenString(b) || isStringLiteral(b);
  if (a === "number") return /^-?\d/.test(b);
  if (a === "boolean") return b === "true" || b === "false";
  return false;
}

/** `Name<args>` -> name and top-level args; `T[]` -> Array<T>. */
function generic(text: string): { name: string; args: string[] } | undefined {
  const t = unwrapParens(text);
  if (t.endsWith("[]") && splitTopLevel(t, "|").length === 1)
    return { name: t.startsWith("readonly ") ? "ReadonlyArray" : "Array", args: [arrayElement(t)] };
  const m = /^([A-Za-z_$][\w$.]*)</.exec(t);
  if (!m || !t.endsWith(">") || matchingClose(t, m[1]!.length) !== t.length - 1) return undefined;
  return { name: m[1]!, args: splitTopLevel(t.slice(m[1]!.length + 1, -1), ",") };
}

function arrayElement(t: string): string {
  return unwrapParens(t.replace(/^readonly /, "").slice(0, -2));
}

const combine = (relations: readonly TypeRelation[]): TypeRelation => {
  const moved = relations.filter((r) => r !== "same" && r !== "equivalent");
  if (moved.length === 0) return relations.includes("equivalent") ? "equivalent" : "same";
  if (moved.every((r) => r === "widened")) return "widened";
  if (moved.every((r) => r === "narrowed")) return "narrowed";
  return "changed";
};

/** How type `after` relates to type `before`, both normalised. Generic arguments count as covariant. */
export function relate(before: string, after: string): TypeRelation {
  if (before === after) return "same";
  const a = unionMembers(before);
  const b = unionMembers(after);
  if (a.length === 1 && b.length === 1) {
    const objects = relateObjects(a[0]!, b[0]!, relate);
    if (objects) return combine(objects.map((d) => d.relation));
    const ga = generic(a[0]!);
    const gb = generic(b[0]!);
    if (ga && gb && ga.name === gb.name && ga.args.length === gb.args.length) {
      return combine(ga.args.map((arg, i) => relate(arg, gb.args[i]!)));
    }
  }
  const aInB = a.every((x) => b.some((y) => covers(y, x)));
  const bInA = b.every((y) => a.some((x) => covers(x, y)));
  if (aInB && bInA) return "equivalent";
  if (aInB) return "widened";
  if (bInA) return "narrowed";
  return "changed";
}

/** The union members of `after` that `before` lacks, and those it lost (for messages). */
export function unionDelta(before: string, after: string): { added: string[]; removed: string[] } {
  const a = unionMembers(before);
  const b = unionMembers(after);
  return { added: b.filter((m) => !a.includes(m)), removed: a.filter((m) => !b.includes(m)) };
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** The identifiers a type text mentions (property names included: callers filter by known exports). */
export function identifiers(text: string): string[] {
  return text.match(IDENTIFIER) ?? [];
}

/** `text` with whole-word identifiers renamed by `renames` (old name -> new name). */
export function renameIdentifiers(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return text;
  return text.replace(IDENTIFIER, (word) => renames.get(word) ?? word);
}

/** A type text short enough for a one-line message. */
export function shortType(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
