/**
 * JSON pointer -> offset in JSON text, without building a second tree. Diagnostics need
 * `line:column`, but re-parsing a 4 MB document with positions (the YAML parser) costs ~0.8 s and
 * ~300 MB; this scanner walks only the containers on the pointer's path, skips everything else
 * (strings with `indexOf`), and remembers what it has seen of each container, so any number of
 * look-ups together read the text at most about once.
 */

/** What has been read of one object or array: member offsets so far, and where to go on. */
interface Container {
  /** Object: key -> [offset of the key, offset of the value]. Array: index -> [offset, offset]. */
  readonly members: Map<string, readonly [number, number]>;
  /** Offset after the last member read (at a `,` or the closing bracket). */
  resume: number;
  count: number;
  done: boolean;
}

const WHITESPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);

export class JsonPositions {
  readonly #text: string;
  readonly #containers = new Map<number, Container>();
  #lineStarts: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /**
   * The offset of what `pointer` names: for an object member, its key (where a reader looks); for
   * an array item, the item. When the pointer leaves the document, the deepest node it reached.
   */
  offsetOf(pointer: string): number {
    let at = this.#skipWhitespace(0);
    let found = at;
    if (pointer === "") return found;
    for (const raw of pointer.slice(1).split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      const member = this.#member(at, key);
      if (!member) break;
      [found, at] = member;
    }
    return found;
  }

  /** 1-based line and column of an offset. */
  lineColumn(offset: number): { line: number; column: number } {
    const starts = (this.#lineStarts ??= lineStarts(this.#text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  /** [key offset, value offset] of `key` in the container starting at `start`, read as far as needed. */
  #member(start: number, key: string): readonly [number, number] | undefined {
    const open = this.#text.charCodeAt(start);
    if (open !== 0x7b && open !== 0x5b) return undefined; // not `{` or `[`
    let container = this.#containers.get(start);
    if (!container) {
      container = { members: new Map(), resume: start + 1, count: 0, done: false };
      this.#containers.set(start, container);
    }
    const isArray = open === 0x5b;
    while (!container.members.has(key) && !container.done) this.#readMember(container, isArray);
    return container.members.get(key);
  }

  #readMember(container: Container, isArray: boolean): void {
    const text = this.#text;
    let i = this.#skipWhitespace(container.resume);
    const c = text.charCodeAt(i);
    if (c === 0x2c) i = this.#skipWhitespace(i + 1); // `,`
    const next = text.charCodeAt(i);
    if (next === 0x7d || next === 0x5d || Number.isNaN(next)) {
      container.done = true;
      return;
    }
    const keyAt = i;
    let name = String(container.count);
    if (!isArray) {
      const end = this.#skipString(i);
      const rawKey = text.slice(i + 1, end - 1);
      name = rawKey.includes("\\") ? String(JSON.parse(text.slice(i, end))) : rawKey;
      i = this.#skipWhitespace(end);
      i = this.#skipWhitespace(i + 1); // `:`
    }
    // The first member with a key wins, like the YAML locator (and unlike JSON.parse, whose last wins).
    if (!container.members.has(name)) container.members.set(name, [keyAt, i]);
    container.count++;
    container.resume = this.#skipValue(i);
  }

  #skipWhitespace(i: number): number {
    const text = this.#text;
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
    return i;
  }

  /** `i` is at a `"`; returns the offset after the closing quote. */
  #skipString(i: number): number {
    const text = this.#text;
    let at = i + 1;
    for (;;) {
      const quote = text.indexOf('"', at);
      if (quote === -1) return text.length;
      let backslashes = 0;
      for (let j = quote - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      at = quote + 1;
    }
  }

  /** Returns the offset after the value starting at `i` (a string, a container, or a literal). */
  #skipValue(i: number): number {
    const text = this.#text;
    const c = text.charCodeAt(i);
    if (c === 0x22) return this.#skipString(i);
    if (c !== 0x7b && c !== 0x5b) {
      while (i < text.length && !",}] \n\r\t".includes(text.charAt(i))) i++;
      return i;
    }
    let depth = 0;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i = this.#skipString(i);
        continue;
      }
      if (ch === 0x7b || ch === 0x5b) depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
