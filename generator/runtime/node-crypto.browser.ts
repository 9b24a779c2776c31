/**
 * What browser bundles get for `node-crypto.ts` (the package's `browser` field maps one to the
 * other): no `node:crypto`, so signing uses WebCrypto and the bundle carries no Node path.
 */
import type { NodeCrypto } from "./node-crypto.ts";

export const nodeCrypto: NodeCrypto | undefined = undefined;
