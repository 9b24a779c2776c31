/**
 * Inline object types (`{ a?: string; b: { c: number } }`, what the generator writes for an inline
 * request or response schema), compared member by member, so a change deep inside a large inline
 * type is related (an optional member added widens it) and named by its path (`.b.c`) instead of
 * two long texts that look alike.
 */
import { matchingClose, splitTopLevel, unwrapParens, type TypeRelation } from "./sdk-type-text.ts";

/** One difference between two inline object types: where, how, and in words. */
export interface MemberDifference {
  readonly path: string;
  readonly relation: TypeRelation;
  readonly detail: string;
}

interface Member {
  readonly optional: boolean;
  readonly type: string;
}

const MEMBER = /^(?:readonly\s+)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]*)(\?)?\s*:\s*([\s\S]+)$/;

/** The members of `{ ... }` by name (quotes dropped), or undefined when the text is not a plain object type. */
function members(text: string): Map<string, Member> | undefined {
  const t = unwrapParens(text);
  if (!t.startsWith("{") || matchingClose(t, 0) !== t.length - 1) return undefined;
  const result = new Map<string, Member>();
  for (const part of splitTopLevel(t.slice(1, -1), ";")) {
    const m = MEMBER.exec(part.trim());
    if (!m) return undefined; // index signatures, methods: not compared member-wise
    const name = /^["']/.test(m[1]!) ? m[1]!.slice(1, -1) : m[1]!;
    result.set(name, { optional: m[2] === "?", type: m[3]!.trim() });
  }
  return result;
}

/**
 * The differences between two object type texts, member by member (nested inline objects by
 * their path), or undefined when either is not a plain object type. A member added optional or
 * made optional widens; added required or made required narrows; a member removed is a change
 * (code passing it no longer compiles, code reading it neither).
 */
export function relateObjects(
  before: string,
  after: string,
  relate: (a: string, b: string) => TypeRelation,
  path = "",
): MemberDifference[] | undefined {
  const a = members(before);
  const b = members(after);
  if (!a || !b) return undefined;
  const differences: MemberDifference[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const here = `${path}.${name}`;
    const o = a.get(name);
    const n = b.get(name);
    if (!n) differences.push({ path: here, relation: "changed", detail: "removed" });
    else if (!o)
      differences.push({
        path: here,
        relation: n.optional ? "widened" : "narrowed",
        detail: n.optional ? "added (optional)" : "added (required)",
      });
    else {
      if (o.optional !== n.optional)
        differences.push({
          path: here,
          relation: n.optional ? "widened" : "narrowed",
          detail: n.optional ? "became optional" : "became required",
        });
      const nested = relateObjects(o.type, n.type, relate, here);
      if (nested) differences.push(...nested);
      else {
        const relation = relate(o.type, n.type);
        if (relation !== "same") differences.push({ path: here, relation, detail: `${o.type} → ${n.type}` });
      }
    }
  }
  return differences;
}
