/**
 * Which way each exported type travels, read from the surface itself: types in a function's (or a
 * client method's) parameters are `input` (user code builds them), types in return types are
 * `output` (user code reads them), and whatever those types mention inherits their way; a method
 * of an input interface is implemented by the user, so its parameters flip to `output`. A type no
 * function reaches counts as `both`, the cautious reading.
 */
import type { SdkDeclaration, SdkSignature, SdkSurface } from "./sdk-surface.ts";
import { identifiers } from "./sdk-type-text.ts";
import type { Usage } from "../types.ts";

type Way = "input" | "output";
const flip = (way: Way): Way => (way === "input" ? "output" : "input");

export function usageOf(surface: SdkSurface): (name: string) => Usage {
  const ways = new Map<string, Set<Way>>();
  const queue: [string, Way][] = [];
  const mark = (text: string, way: Way) => {
    for (const id of identifiers(text)) {
      if (!surface.has(id)) continue;
      const seen = ways.get(id) ?? new Set<Way>();
      if (seen.has(way)) continue;
      seen.add(way);
      ways.set(id, seen);
      queue.push([id, way]);
    }
  };
  const markSignatures = (signatures: readonly SdkSignature[], way: Way) => {
    for (const s of signatures) {
      for (const p of s.parameters) mark(p.type, flip(way));
      mark(s.returnType, way);
    }
  };

  for (const e of surface.values()) seedFrom(e.declaration, markSignatures, mark);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [name, way] = next;
    const declaration = surface.get(name)?.declaration;
    if (!declaration) continue;
    if (declaration.kind === "type") mark(declaration.text, way);
    if (declaration.kind === "interface") {
      for (const h of declaration.heritage) mark(h, way);
      for (const m of declaration.members.values()) {
        if (m.kind === "property") mark(m.type, way);
        else markSignatures(m.signatures, way);
      }
    }
  }
  return (name) => {
    const seen = ways.get(name);
    if (!seen || seen.size === 2) return "both";
    return seen.has("input") ? "input" : "output";
  };
}

/** Functions and classes are what user code calls: their signatures seed the walk. */
function seedFrom(
  declaration: SdkDeclaration,
  markSignatures: (s: readonly SdkSignature[], way: Way) => void,
  mark: (text: string, way: Way) => void,
): void {
  if (declaration.kind === "function") markSignatures(declaration.signatures, "output");
  if (declaration.kind === "class") {
    for (const m of declaration.members.values()) {
      if (m.kind === "method") markSignatures(m.signatures, "output");
      else mark(m.type, "output");
    }
  }
}
