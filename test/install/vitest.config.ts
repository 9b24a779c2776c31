/**
 * The install suite: specsmith packed with `npm pack` and installed from the tarball into fresh
 * projects, as a user would. Separate from the main suite because it builds, packs and runs
 * `npm install` several times (about two minutes here; the npm cache makes it work offline once the
 * packages are cached):
 *
 *   npm run test:install
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/install/**/*.spec.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
