/**
 * Wraps the prose of a doc comment (Markdown, from the spec) at a width: a long line is broken at
 * spaces, so editors, which join a paragraph's lines, show the same text. What Markdown reads by
 * its lines is kept as it is: fenced and indented code, tables, headings, quotes, HTML. A break
 * never starts a line with what would change its meaning (`@` would start a JSDoc tag; `-`, `+`,
 * `*`, `1.` a list item; `#`, `>`, `|`, `=`, `<` a heading, quote, table, underline or HTML), and
 * never falls inside a code span or an inline tag (`{@link X}`). A word longer than the width stays
 * whole.
 */

/** The lines of a doc comment, each at most `width` characters where it can be broken. */
export function wrapDocLines(lines: readonly string[], width: number): string[] {
  if (lines.every((line) => line.length <= width)) return [...lines];
  let inFence = false;
  return lines.flatMap((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return [line];
    }
    if (inFence || line.length <= width || /^\s*[|#<>]/.test(line) || /^( {4}|\t)/.test(line)) return [line];
    const item = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(line)?.[0];
    const continuation = item === undefined ? (/^\s*/.exec(line)?.[0] ?? "") : " ".repeat(item.length);
    return breakAtSpaces(line, width, continuation, item?.length ?? 0);
  });
}

function breakAtSpaces(line: string, width: number, continuation: string, from: number): string[] {
  const out: string[] = [];
  let rest = line;
  let start = from;
  while (rest.length > width) {
    const spaces = breakOpportunities(rest, start);
    // A break needs text before it on its line: past the line's first non-space character.
    const text = rest.search(/\S/);
    const candidates = text < 0 ? [] : spaces.filter((at) => at > text);
    let at: number | undefined;
    for (const space of candidates) if (space <= width) at = space;
    at ??= candidates[0];
    if (at === undefined) break;
    out.push(rest.slice(0, at).trimEnd());
    rest = `${continuation}${rest.slice(at + 1).trimStart()}`;
    start = continuation.length;
  }
  out.push(rest);
  return out;
}

/** Where a line may break: single spaces outside code spans and `{@...}` tags, not before a marker. */
function breakOpportunities(text: string, from: number): number[] {
  const found: number[] = [];
  let inCode = false;
  let braces = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === "`") inCode = !inCode;
    else if (!inCode && char === "{" && text[i + 1] === "@") braces++;
    else if (!inCode && char === "}" && braces > 0) braces--;
    else if (char === " " && !inCode && braces === 0 && i > from && !startsSomething(text, i + 1)) found.push(i);
  }
  return found;
}

const MARKER = /[@\-+*#>|=<]|\d+[.)](\s|$)/y;

/** Whether the text from `at` would start something other than prose at the start of a line. */
function startsSomething(text: string, at: number): boolean {
  if (at >= text.length || text[at] === " ") return true;
  MARKER.lastIndex = at;
  return MARKER.test(text);
}
