#!/usr/bin/env -S node --max-semi-space-size=8
/**
 * The `specsmith` command (see cli/cli.ts). Plain JavaScript, so that Node's on-disk compile cache is on
 * before any module loads: a cached run neither strips the types of the generator's TypeScript
 * again nor compiles its dependencies' JavaScript again (YAML, Handlebars, and the TypeScript
 * compiler where the diff's SDK layer parses packages; printing never loads it).
 * Opt out with NODE_DISABLE_COMPILE_CACHE=1.
 *
 * `--max-semi-space-size=8` (here and in the npm scripts): V8 sizes the young generation for
 * long-lived servers, up to 3 x 32 MB on a machine with plenty of memory; a generator run allocates
 * fast and briefly, and with 8 MB semi-spaces its peak RSS on GitHub's description drops from ~330
 * to ~230 MB at no cost in time (measured by bench/corpus.ts, which runs this bin with these flags).
 *
 * Nothing here may need a newer Node than the oldest one that can run it (hence the default import
 * of `node:module`: a named import of `enableCompileCache` fails to link on Node 20, before any check).
 */
import nodeModule from "node:module";

/** The oldest Node the generator runs on: TypeSpec and Node's type stripping (`engines` in package.json). */
const MINIMUM_NODE = [22, 18];

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1])) {
  console.error(`specsmith: needs Node ${MINIMUM_NODE.join(".")} or newer; this is Node ${process.versions.node}`);
  process.exit(1);
}
nodeModule.enableCompileCache();
await import("./cli/cli.ts");
