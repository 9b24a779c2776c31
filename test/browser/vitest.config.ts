/**
 * The browser suite: a generated client bundled into a page and run in headless Chromium. Separate
 * from the main suite (it needs Debian's chromium and takes a few seconds to launch it):
 *
 *   npm exec -- vitest run --config test/browser/vitest.config.ts
 *
 * Without /usr/bin/chromium it skips with a message, unless CI is set: then it fails.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/browser/**/*.spec.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
