/**
 * Wraps the long lines of code the emitters write as text (function bodies, initializers): the
 * way prettier would, the last call's arguments, array or object literal of a line that does not
 * fit goes one item per line with a trailing comma; a lone object or array argument hugs the
 * call's parentheses. Only whitespace and trailing commas are added. A line is left alone when
 * it cannot be read safely without a parser: inside a comment or a template literal, with a `/`
 * (division or a regular expression?), or when what is too long is a single literal.
 */

import { layoutType } from "./type-layout.ts";

const STEP = 2;
const MAX_DEPTH = 12;

/** `text` (a whole file) with every long code line wrapped. */
export function wrapCodeLines(text: string, width: number): string {
  const state: LineState = { inBlockComment: false, inTemplate: false };
  // Where the next `` ` ``, `/*` and `*/` are: looked up again only once passed, so the file is
  // searched for each once, and a line far from all three needs no reading (most lines are such).
  const next = { tick: -1, open: -1, close: -1 };
  const after = (token: string, known: number, from: number): number => {
    if (known >= from) return known; // also Infinity: none left
    const at = text.indexOf(token, from);
    return at < 0 ? Infinity : at;
  };
  const pieces: string[] = [];
  let copied = 0;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    next.tick = after("`", next.tick, start);
    next.open = after("/*", next.open, start);
    next.close = after("*/", next.close, start);
    const touched = next.tick < end || next.open < end || next.close < end;
    const long = end - start > width;
    if (long || touched || state.inBlockComment || state.inTemplate) {
      const line = text.slice(start, end);
      if (readLine(line, state) && long) {
        const wrapped = wrapLine(line, width, 0).join("\n");
        if (wrapped !== line) {
          pieces.push(text.slice(copied, start), wrapped);
          copied = end;
        }
      }
    }
    start = end + 1;
  }
  return pieces.length === 0 ? text : pieces.join("") + text.slice(copied);
}

interface LineState {
  inBlockComment: boolean;
  inTemplate: boolean;
}

/**
 * Reads one line, carrying the comment and template state to the next: whether it starts in plain
 * code and holds nothing the wrapping cannot read (no comment, no `/`, no string or template literal
 * left open at its end).
 */
function readLine(line: string, state: LineState): boolean {
  let ok = !state.inBlockComment && !state.inTemplate;
  let i = 0;
  if (state.inBlockComment) {
    const end = line.indexOf("*/");
    if (end < 0) return false;
    state.inBlockComment = false;
    i = end + 2;
  } else if (state.inTemplate) {
    // Inside a template literal spanning lines: its text up to the closing backtick.
    const end = templateEnd(`\`${line}`, 0);
    if (end < 0) return false;
    state.inTemplate = false;
    i = end;
  }
  // Only the characters that change what follows are looked at (most lines have none but quotes).
  SPECIAL.lastIndex = i;
  for (let match = SPECIAL.exec(line); match !== null; match = SPECIAL.exec(line)) {
    const at = match.index;
    const char = line[at];
    if (char === "/") {
      ok = false;
      if (line[at + 1] !== "*") break; // a line comment, a division or a regular expression: the rest of the line is opaque
      const end = line.indexOf("*/", at + 2);
      if (end < 0) {
        state.inBlockComment = true;
        break;
      }
      SPECIAL.lastIndex = end + 2;
    } else {
      const end = char === "`" ? templateEnd(line, at) : quotedEnd(line, at);
      if (end < 0) {
        ok = false;
        state.inTemplate = char === "`";
        break;
      }
      SPECIAL.lastIndex = end + 1;
    }
  }
  return ok;
}

const SPECIAL = /[/"'`]/g;

function quotedEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === text[start]) return i;
  }
  return -1;
}

/** The closing backtick of a template literal on this line (its `${}` may hold strings and braces), or -1. */
function templateEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === "`") return i;
    else if (char === "$" && text[i + 1] === "{") {
      let depth = 1;
      for (i += 2; i < text.length && depth > 0; i++) {
        const inner = text[i];
        if (inner === "{") depth++;
        else if (inner === "}") depth--;
        else if (inner === '"' || inner === "'") i = quotedEnd(text, i);
        else if (inner === "`") i = templateEnd(text, i);
        if (i < 0) return -1;
      }
      if (depth > 0) return -1;
      i--;
    }
  }
  return -1;
}

interface Group {
  readonly open: number;
  readonly close: number;
}

/** The bracket pairs `()`, `[]`, `{}` that open and close on the line, with their nesting depth. */
function pairsOf(line: string): (Group & { readonly depth: number })[] {
  const pairs: (Group & { depth: number })[] = [];
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"' || char === "'") i = quotedEnd(line, i);
    else if (char === "`") i = templateEnd(line, i);
    else if (char === "(" || char === "[" || char === "{") stack.push(i);
    else if (char === ")" || char === "]" || char === "}") {
      const open = stack.pop();
      if (open !== undefined && line[open] === OPENERS[char]) pairs.push({ open, close: i, depth: stack.length });
      else stack.length = 0; // closes a bracket of an earlier line: what was open here stays on this line
    }
    if (i < 0) return [];
  }
  return pairs;
}

const OPENERS: Readonly<Record<string, string>> = { ")": "(", "]": "[", "}": "{" };

/** The lines `line` becomes: its outermost breakable group opened, then each new line wrapped again. */
function wrapLine(line: string, width: number, depth: number): string[] {
  // A type alias the emitters wrote as text is a conditional type: kept on its line (see `type-layout.ts`).
  if (line.length <= width || depth > MAX_DEPTH || /^(export )?type /.test(line)) return [line];
  const indent = line.length - line.trimStart().length;
  const group = breakableGroup(line, width, indent);
  if (group === undefined) return wrapTypeArguments(line, width, indent) ?? wrapCast(line, width, indent);
  const inner = line.slice(group.open + 1, group.close);
  const items = splitItems(inner);
  const lone = items.length === 1 ? items[0] : undefined;
  if (
    lone !== undefined &&
    line[group.open] === "(" &&
    /^[[{]/.test(lone) &&
    pairsOf(lone).some((p) => p.open === 0 && p.close === lone.length - 1)
  ) {
    // `f({ ... })`, `f([ ... ])`: the literal's brackets hug the call's parentheses.
    const start = group.open + 1 + inner.indexOf(lone);
    const hugged = { open: start, close: start + lone.length - 1 };
    return openGroup(line, hugged, splitItems(lone.slice(1, -1)), indent).flatMap((l) => wrapLine(l, width, depth + 1));
  }
  return openGroup(line, group, items, indent).flatMap((l) => wrapLine(l, width, depth + 1));
}

/** `parseJson<{ ... }>(`: the type arguments of a generic call, laid out as a type. */
function wrapTypeArguments(line: string, width: number, indent: number): string[] | undefined {
  const start = /^\s*(?:return |const [\w$]+ = (?:await )?)?([\w$.]+)</.exec(line);
  if (start?.[1] === undefined) return undefined;
  const from = start[0].length - start[1].length - 1;
  const close = closingAngle(line, start[0].length - 1);
  if (close === undefined || line[close + 1] !== "(") return undefined;
  const type = line.slice(from, close + 1);
  const laid = layoutType(type, { column: from, indent, tail: line.length - close - 1, width });
  return laid === type ? undefined : `${line.slice(0, from)}${laid}${line.slice(close + 1)}`.split("\n");
}

/** The `>` closing the `<` at `open` (strings skipped, `=>` not a closer). */
function closingAngle(line: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const char = line[i];
    if (char === '"' || char === "'") i = quotedEnd(line, i);
    else if (char === "<") depth++;
    else if (char === ">" && line[i - 1] !== "=" && --depth === 0) return i;
    if (i < 0) return undefined;
  }
  return undefined;
}

/** `value as { ... } | undefined,`: the type of a cast that ends the line, laid out as a type. */
function wrapCast(line: string, width: number, indent: number): string[] {
  const at = topLevelIndexes(line, " ")
    .filter((i) => line.startsWith(" as ", i))
    .pop();
  if (at === undefined) return [line];
  const end = /[,;]$/.test(line) ? line.length - 1 : line.length;
  const type = line.slice(at + 4, end);
  // A type that does not end the expression (`x as A)`) is unbalanced: `layoutType` keeps it.
  const laid = layoutType(type, { column: at + 4, indent, tail: line.length - end, width });
  if (laid === type) return [line];
  return `${line.slice(0, at + (laid.startsWith("\n") ? 3 : 4))}${laid}${line.slice(end)}`.split("\n");
}

function openGroup(line: string, group: Group, items: readonly string[], indent: number): string[] {
  const itemPad = " ".repeat(indent + STEP);
  const last = items.length - 1;
  // No trailing comma after a rest element (`...rest`): a pattern's rest must come last.
  const body = items.map((item, i) => `${itemPad}${item}${i === last && item.startsWith("...") ? "" : ","}`);
  return [line.slice(0, group.open + 1), ...body, `${" ".repeat(indent)}${line.slice(group.close)}`];
}

/**
 * The group to open: a call's arguments (or a declaration's parameters), an array literal or an
 * object literal (or pattern) holding items separated by commas only; the outermost first, the
 * last of a level first; one whose closing line (`) as X`, `]).map(...)`) would still be too long
 * is not worth opening.
 */
function breakableGroup(line: string, width: number, indent: number): Group | undefined {
  // Ordered first, then tested in that order: the test reads the group's content, so it stops at the first that passes.
  return pairsOf(line)
    .filter((p) => indent + line.length - p.close <= width)
    .sort((a, b) => a.depth - b.depth || b.open - a.open)
    .find((p) => isBreakable(line, p));
}

function isBreakable(line: string, pair: Group): boolean {
  const inner = line.slice(pair.open + 1, pair.close);
  // Empty, a block or an object type (`;`), a mapped type (whose member takes no comma).
  if (inner.trim() === "" || hasTopLevel(inner, ";") || /^[+-]?(readonly\s+)?\[\s*[\w$]+\s+in\b/.test(inner.trim()))
    return false;
  const before = line.slice(0, pair.open);
  const trimmed = before.trimEnd();
  const previous = trimmed.slice(-1);
  const word = lastWord(trimmed);
  switch (line[pair.open]) {
    case "(":
      // A call or a declaration's parameters (`f(`, `f<T>(`, `g()(`), not `if (` or `(a + b)`; an
      // arrow function's parameters when typed (`async (page: Page): R =>`).
      if (/^[\w$]+\??:\s/.test(inner) && /^\)\s*(:|=>)/.test(line.slice(pair.close))) return true;
      return trimmed === before && /[\w$)\]>]/.test(previous) && !trimmed.endsWith("=>") && !NOT_CALLS.has(word);
    case "[":
      // Not a key (an index signature `[key: string]: T`, a computed key `[name]: v`) or a mapped type's key (`[K in keyof T]`).
      if (/^\??:/.test(line.slice(pair.close + 1)) || /^\s*[\w$]+\s+in\s/.test(inner)) return false;
      return "(,=:[?!&|".includes(previous) || word === "return" || trimmed === "";
    case "{":
      // Not a block: `=> {`, `) {`, `else {`, `case "a": {`.
      if (/^\s*(case\b|default\s*:)/.test(before)) return false;
      return "(,=:[?".includes(previous) || word === "return" || word === "const" || word === "let" || trimmed === "";
    default:
      return false;
  }
}

/** Words before a `(` that is not a call's. */
const NOT_CALLS: ReadonlySet<string> = new Set([
  "if",
  "for",
  "while",
  "switch",
  "catch",
  "return",
  "await",
  "typeof",
  "void",
  "async",
]);

/** The identifier `text` ends with, or "" (scanned backwards: a regex anchored at the end tries every start). */
function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && /[\w$]/.test(text[start - 1] ?? "")) start--;
  return text.slice(start);
}

/** Whether `text` has `char` outside its brackets and literals. */
function hasTopLevel(text: string, char: string): boolean {
  return topLevelIndexes(text, char).length > 0;
}

function topLevelIndexes(text: string, char: string): number[] {
  const found: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = quotedEnd(text, i);
    else if (c === "`") i = templateEnd(text, i);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === char && depth === 0) found.push(i);
    if (i < 0) return [];
  }
  return found;
}

/** The comma-separated items of a group's content, trimmed (a trailing comma leaves no empty item). */
function splitItems(inner: string): string[] {
  const items: string[] = [];
  let start = 0;
  for (const at of topLevelIndexes(inner, ",")) {
    items.push(inner.slice(start, at).trim());
    start = at + 1;
  }
  items.push(inner.slice(start).trim());
  return items.filter((item) => item !== "");
}
