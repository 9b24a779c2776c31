/**
 * Lays out a type's text (as the emitters write it: on one line) within a line width, the way
 * prettier would: a union that does not fit goes one member per line with a leading `|`; otherwise
 * the last bracket group of the type opens (`{` members one per line ending in `;`, `<` type
 * arguments one per line, a function type's `(` parameters one per line with a trailing comma; a
 * lone object type argument hugs its `<>`). Only whitespace, `;`/`,` separators and leading `|` are
 * added, so the type means the same; text the layout does not understand (template literal types,
 * several lines, unbalanced brackets) is kept as it is.
 */

/** Where the text goes: its first column, the indentation of its line, what follows it on the last line. */
export interface TypePlace {
  readonly column: number;
  readonly indent: number;
  readonly tail: number;
  readonly width: number;
}

const STEP = 2;
const pad = (columns: number): string => " ".repeat(columns);

/** `text` laid out at `place`: one line when it fits, else lines separated by `\n` + absolute indentation. */
export function layoutType(text: string, place: TypePlace, atLineStart = false): string {
  if (place.column + text.length + place.tail <= place.width || !isPlain(text) || isConditional(text)) return text;
  const members = splitTopLevel(text, "|");
  if (members.length > 1 && isPlainUnion(text)) return layoutUnion(members, place, atLineStart);
  const group = lastGroup(text);
  if (group === undefined) return text;
  const prefix = text.slice(0, group.open + 1);
  const inner = text.slice(group.open + 1, group.close);
  const suffix = text.slice(group.close);
  const itemIndent = place.indent + STEP;
  if (text[group.open] === "(" && !isParameterList(text, group)) {
    // A parenthesized type: its content on lines of its own, as one item without a separator.
    const laid = layoutType(
      inner.trim(),
      { column: itemIndent, indent: itemIndent, tail: 0, width: place.width },
      true,
    );
    return `${prefix}\n${pad(itemIndent)}${laid}\n${pad(place.indent)}${suffix}`;
  }
  const items = splitTopLevel(inner, text[group.open] === "{" ? ";," : ",").filter((item) => item !== "");
  if (items.length === 0) return text;
  const lone = items[0];
  if (text[group.open] === "<" && items.length === 1 && lone !== undefined && isOneGroup(lone, "{")) {
    const hugged = layoutType(lone, {
      ...place,
      column: place.column + prefix.length,
      tail: place.tail + suffix.length,
    });
    return `${prefix}${hugged}${suffix}`;
  }
  const separator = text[group.open] === "{" ? ";" : ",";
  const lines = items.map((item, i) => {
    // Type arguments take no trailing comma (TypeScript refuses one); parameters and members do.
    const end = text[group.open] === "<" && i === items.length - 1 ? "" : separator;
    const itemPlace = { column: itemIndent, indent: itemIndent, tail: end.length, width: place.width };
    const laid = text[group.open] === "<" ? layoutType(item, itemPlace, true) : layoutMember(item, itemPlace);
    return `${pad(itemIndent)}${laid}${end}`;
  });
  return `${prefix}\n${lines.join("\n")}\n${pad(place.indent)}${suffix}`;
}

/**
 * A member of an object type or a parameter (`name?: Type`, `[key: string]: Type`, `m(a: A): B`):
 * its type laid out after the name; a union that breaks starts on the next line.
 */
export function layoutMember(text: string, place: TypePlace): string {
  // A member that fits, with one space after each colon, is what the layout below would give back.
  if (place.column + text.length + place.tail <= place.width && !/:(?! \S)/.test(text)) return text;
  const colon = topLevelColon(text);
  if (colon === undefined) return layoutType(text, place, true);
  const head = text.slice(0, colon + 1);
  const type = text.slice(colon + 1).trimStart();
  const laid = layoutType(type, { ...place, column: place.column + head.length + 1 });
  return laid.startsWith("\n") ? `${head}${laid}` : `${head} ${laid}`;
}

function layoutUnion(members: readonly string[], place: TypePlace, atLineStart: boolean): string {
  const indent = atLineStart ? place.indent : place.indent + STEP;
  const lines = members.map((member, i) => {
    const tail = i === members.length - 1 ? place.tail : 0;
    return `| ${layoutType(member, { column: indent + 2, indent: indent + 2, tail, width: place.width })}`;
  });
  return atLineStart ? lines.join(`\n${pad(indent)}`) : lines.map((line) => `\n${pad(indent)}${line}`).join("");
}

/** One line, no template literal (its `${}` would need a real scanner), no comment, balanced. */
function isPlain(text: string): boolean {
  return (
    !text.includes("\n") &&
    !text.includes("`") &&
    !(text.includes("/") && blankStrings(text).includes("/")) &&
    scan(text) !== undefined
  );
}

/** A union whose members can go on lines of their own: not a function type's result. */
function isPlainUnion(text: string): boolean {
  return !topLevelText(text).includes("=>") && !text.trimStart().startsWith("|");
}

/** `A extends B ? C : D`: kept on its line (prettier's chained layout of these is not worth copying). */
function isConditional(text: string): boolean {
  const top = topLevelText(text);
  return top.includes("?") || /\bextends\b/.test(top);
}

interface Bracket {
  readonly open: number;
  readonly close: number;
}

const CLOSERS: Readonly<Record<string, string>> = { "{": "}", "(": ")", "[": "]", "<": ">" };

/**
 * The top-level bracket pairs of a type, or undefined when the brackets do not balance. Strings
 * are skipped; `=>` is not a closing `>`.
 */
function scan(text: string): readonly Bracket[] | undefined {
  // One type is asked about several times (plain? a union? its last group?), and the same long
  // types recur (a parameter in its function, its overloads and the client's method): read each once.
  let pairs = scans.get(text);
  if (pairs === undefined) {
    pairs = scanned(text) ?? null;
    remember(scans, text, pairs);
  }
  return pairs ?? undefined;
}

/** At most this many texts are remembered per kind of answer (a package's printing asks about many more). */
const REMEMBERED = 512;
const scans = new Map<string, readonly Bracket[] | null>();
const topLevelTexts = new Map<string, string>();

function remember<T>(answers: Map<string, T>, text: string, answer: T): void {
  if (answers.size >= REMEMBERED) answers.clear();
  answers.set(text, answer);
}

function scanned(text: string): Bracket[] | undefined {
  const pairs: Bracket[] = [];
  // The open brackets' characters and positions, innermost last.
  const openChars: string[] = [];
  const openAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"' || char === "'") {
      i = stringEnd(text, i);
      if (i < 0) return undefined;
    } else if (char === "{" || char === "(" || char === "[" || char === "<") {
      openChars.push(char);
      openAt.push(i);
    } else if ((char === ">" && text[i - 1] !== "=") || char === "}" || char === ")" || char === "]") {
      const open = openChars.pop();
      const at = openAt.pop();
      if (open === undefined || at === undefined || CLOSERS[open] !== char) return undefined;
      if (openChars.length === 0) pairs.push({ open: at, close: i });
    }
  }
  return openChars.length === 0 ? pairs : undefined;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === text[start]) return i;
  }
  return -1;
}

/** The text with every bracket group's and string's content blanked, so top-level tokens can be searched. */
function topLevelText(text: string): string {
  let top = topLevelTexts.get(text);
  if (top === undefined) {
    top = topLevelTextOf(text);
    remember(topLevelTexts, text, top);
  }
  return top;
}

function topLevelTextOf(text: string): string {
  let out = "";
  let last = 0;
  for (const { open, close } of scan(text) ?? []) {
    out += blankStrings(text.slice(last, open + 1)) + " ".repeat(close - open - 1);
    last = close;
  }
  return out + blankStrings(text.slice(last));
}

function blankStrings(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) => " ".repeat(s.length));
}

/** The pieces between top-level separators (any character of `separators`), trimmed. */
function splitTopLevel(text: string, separators: string): string[] {
  const top = topLevelText(text);
  // Where each separator stands at the top level, found by the engine's search rather than a loop.
  const at: number[] = [];
  for (const separator of separators) {
    for (let i = top.indexOf(separator); i >= 0; i = top.indexOf(separator, i + 1)) at.push(i);
  }
  if (separators.length > 1) at.sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const i of at) {
    pieces.push(text.slice(start, i).trim());
    start = i + 1;
  }
  pieces.push(text.slice(start).trim());
  return pieces;
}

function topLevelColon(text: string): number | undefined {
  const at = topLevelText(text).indexOf(":");
  return at < 0 ? undefined : at;
}

/** The last bracket group that may open: `{}`, `<>` and `()` (not a tuple's or an index's `[]`). */
function lastGroup(text: string): Bracket | undefined {
  const pairs = scan(text) ?? [];
  for (let i = pairs.length - 1; i >= 0; i--) {
    const pair = pairs[i];
    if (pair === undefined || pair.close === pair.open + 1) continue;
    const char = text[pair.open];
    if (char === "{" || char === "<" || char === "(") return pair;
  }
  return undefined;
}

/** A function type's parameters (`(a: A) => B`), rather than a parenthesized type. */
function isParameterList(text: string, group: Bracket): boolean {
  return text
    .slice(group.close + 1)
    .trimStart()
    .startsWith("=>");
}

function isOneGroup(text: string, open: string): boolean {
  const pairs = scan(text) ?? [];
  return text.startsWith(open) && pairs.length === 1 && pairs[0]?.close === text.length - 1;
}
