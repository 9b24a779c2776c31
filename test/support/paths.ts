/** Absolute paths of the repository's folders, for tests. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const generatedDir = join(repoRoot, "generated");
export const openApiPath = (service: string, version: string): string =>
  join(generatedDir, "openapi", service, `${version}.yaml`);
