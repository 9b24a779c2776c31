/**
 * `node:crypto` where the runtime hands it out without an import (`process.getBuiltinModule`, Node
 * 20.16+ and 22.3+), so bundles for browsers hold no Node import. It signs synchronously; WebCrypto,
 * the fallback (browsers), costs two thread-pool round trips per request in Node, which cut the
 * throughput of a small request by about a third (bench/runtime-throughput.ts).
 *
 * Browser bundles do not need it: the package's `browser` field puts `node-crypto.browser.ts` in
 * its place for bundlers that honour it (esbuild, webpack, Rollup, Vite), so they drop the Node path.
 */

/** The parts of `node:crypto` that signing uses. */
export interface NodeCrypto {
  createHash(algorithm: "sha256"): NodeDigest;
  /** `key` is a `KeyObject` from `createSecretKey`. */
  createHmac(algorithm: "sha256", key: object): NodeDigest;
  createSecretKey(key: Uint8Array): object;
}

interface NodeDigest {
  update(data: string | Uint8Array): NodeDigest;
  digest(encoding: "base64"): string;
}

export const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?(id: string): unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
