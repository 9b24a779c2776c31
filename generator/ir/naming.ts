/** Turning spec names into safe, readable TypeScript identifiers. Pure functions, locale-free. */
import { IDENTIFIER_PART, isIdentifierText, startsLikeIdentifier } from "./identifier-text.ts";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean number string symbol " +
    "type from of await async undefined never object unknown bigint arguments eval constructor"
  ).split(" "),
);

/** Anything but a letter or digit TypeScript accepts in an identifier (`²` is a number, but not one of those). */
const NOT_WORD = new RegExp(String.raw`[^[\p{L}\p{N}]&&${IDENTIFIER_PART}]+`, "v");
const NOT_IDENTIFIER_PART = new RegExp(String.raw`[^${IDENTIFIER_PART}]+`, "gv");

/** Splits on anything not a letter or digit and on lower->upper boundaries: "getHTTPResponse_v2" -> get,HTTP,Response,v2. */
export function words(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(NOT_WORD)
    .filter(Boolean);
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function pascalCase(text: string): string {
  return words(text)
    .map((w) => capitalize(/^[\p{Lu}\p{N}]+$/u.test(w) && w.length > 1 ? w.charAt(0) + w.slice(1).toLowerCase() : w))
    .join("");
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function kebabCase(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join("-");
}

/** Comparison operators in wire names (`DateSent<`, `price>=`, `status!=`), longest first. */
const OPERATORS: readonly (readonly [string, string, string])[] = [
  // operator, its words for dates, its words for other values
  ["<=", "OnOrBefore", "AtMost"],
  [">=", "OnOrAfter", "AtLeast"],
  ["!=", "Not", "Not"],
  ["<", "Before", "LessThan"],
  [">", "After", "GreaterThan"],
  ["=", "Equals", "Equals"],
];

/**
 * `text` with its comparison operators spelt as words, so that names differing only by one stay
 * apart and say what they mean: `DateSent<` -> `DateSent Before`, `price>=` -> `price AtLeast`.
 * (Bracketed operators such as `created[gte]` are words already.)
 */
export function spellOperators(text: string, dates: boolean): string {
  let spelt = text;
  for (const [operator, date, other] of OPERATORS) spelt = spelt.replaceAll(operator, ` ${dates ? date : other} `);
  return spelt;
}

/**
 * A valid identifier that is not a reserved word: drops characters identifiers cannot hold,
 * prefixes `_` when it would start with a digit (of any script), suffixes `_` to reserved words.
 */
export function safeIdentifier(name: string, fallback = "value"): string {
  let id = name.replace(NOT_IDENTIFIER_PART, "") || fallback;
  if (!startsLikeIdentifier(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

export function isIdentifier(name: string): boolean {
  return isIdentifierText(name) && !RESERVED.has(name);
}

/** A property key as written in TypeScript source: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return isIdentifierText(name) ? name : JSON.stringify(name);
}

/**
 * A key of an object literal the generated code builds at run time: as `propertyKey`, except that
 * `__proto__` is computed. `{ __proto__: x }` and `{ "__proto__": x }` set the object's prototype
 * instead of a property (the value is lost, or a `Date` becomes the prototype); `{ ["__proto__"]: x }`
 * is an own property like any other.
 */
export function objectLiteralKey(name: string): string {
  return name === "__proto__" ? '["__proto__"]' : propertyKey(name);
}

/** Hands out unique names: the first asker gets `base`, later ones `base2`, `base3`, ... */
export class NameScope {
  readonly #taken = new Set<string>();
  readonly #outer: ReadonlySet<string> | undefined;

  /** @param outer names taken in an enclosing scope, as `reservedNames` gives them (shared, never copied). */
  constructor(reserved: Iterable<string> = [], outer?: ReadonlySet<string>) {
    for (const name of reserved) this.#taken.add(name.toLowerCase());
    this.#outer = outer;
  }

  /** Whether `name` is still free (no one has claimed it, whatever the case). */
  isFree(name: string): boolean {
    const key = name.toLowerCase();
    return !this.#taken.has(key) && !this.#outer?.has(key);
  }

  claim(base: string): string {
    let name = base;
    for (let n = 2; !this.isFree(name); n++) name = `${base}${n}`;
    this.#taken.add(name.toLowerCase());
    return name;
  }
}

/** Names as an enclosing scope of many `NameScope`s: compared whatever the case, like a scope's own. */
export function reservedNames(names: Iterable<string>): ReadonlySet<string> {
  return new Set([...names].map((name) => name.toLowerCase()));
}

/** Code-point order: the same on every machine and locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
