/**
 * The source worker's entry. Plain JavaScript for the reason `specsmith.js` is: Node's compile cache
 * is per thread, and turned on before any TypeScript loads it spares the worker from parsing the
 * TypeScript compiler that ts-morph loads. Opt out with NODE_DISABLE_COMPILE_CACHE=1.
 */
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./source-worker.ts");
