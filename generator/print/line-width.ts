/**
 * The width generated code is laid out at, and the width a given writer wraps at. Writer functions
 * of the emitters (doc comments inside bodies) read it to lay their lines out as the printer does.
 */
import type { CodeBlockWriter } from "./structures.ts";

/** The width of generated code: the repository's own, and prettier's wide setting. */
export const LINE_WIDTH = 120;

const lineWidths = new WeakMap<CodeBlockWriter, number>();

/** Makes `writer` wrap at `width`; a writer never given one keeps ts-morph's layout. */
export function setLineWidth(writer: CodeBlockWriter, width: number): void {
  lineWidths.set(writer, width);
}

/** The width a writer wraps at, or undefined for ts-morph's layout. */
export function lineWidthOf(writer: CodeBlockWriter): number | undefined {
  return lineWidths.get(writer);
}
