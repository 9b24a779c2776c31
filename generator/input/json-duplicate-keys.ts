/**
 * Keys a JSON object repeats. JSON allows them, and `JSON.parse` keeps the last one without a word,
 * so in a hand-edited file the first (the one a reader sees) silently stops counting. The YAML
 * parser (a superset of JSON) reports them with their offsets; it is loaded only when asked.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

const requireModule = createRequire(import.meta.url);

export interface DuplicateKey {
  readonly key: string;
  /** Offset of the repeated key (its opening quote) in the text. */
  readonly offset: number;
}

/** The second and later occurrences of a key in each object of valid JSON `text`, in text order. */
export function duplicateKeys(text: string): DuplicateKey[] {
  const yaml = requireModule("yaml") as typeof Yaml;
  const doc = yaml.parseDocument(text, { uniqueKeys: true });
  return doc.errors
    .filter((e) => e.code === "DUPLICATE_KEY")
    .map((e) => ({ key: keyAt(text, e.pos[0]), offset: e.pos[0] }));
}

/** The JSON string that starts at `offset`, decoded. */
function keyAt(text: string, offset: number): string {
  const string = /"(?:[^"\\]|\\.)*"/y;
  string.lastIndex = offset;
  const token = string.exec(text)?.[0];
  try {
    return token ? String(JSON.parse(token)) : "";
  } catch {
    return "";
  }
}
