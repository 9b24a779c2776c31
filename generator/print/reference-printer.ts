/**
 * ts-morph's own printer with our writer options: the reference `test/emitters/structure-printer.test.ts`
 * compares our structure printer with, byte for byte. It loads ts-morph and the TypeScript compiler,
 * so nothing on the generate path imports it.
 */
import { printStructure, type SourceFileStructure } from "ts-morph";
import { WRITER_OPTIONS } from "./structure-printer.ts";

export function printWithTsMorph(structure: SourceFileStructure): string {
  return printStructure(structure, WRITER_OPTIONS);
}
