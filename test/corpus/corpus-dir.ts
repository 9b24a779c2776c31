/**
 * Where the real-world OpenAPI documents are: `../shared/corpus/` beside the repository (or
 * `$SPECSMITH_CORPUS`), and the public documents kept in this repository (`test/corpus/real-specs/`).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/paths.ts";

export const corpusDir = process.env["SPECSMITH_CORPUS"] ?? join(repoRoot, "..", "shared", "corpus");

/** The corpus documents: GitHub's REST description (874 operations) and Stripe's (395). */
export const corpusDocuments = {
  github: join(corpusDir, "github-rest-2022-07.json"),
  stripe: join(corpusDir, "stripe-2022-02.json"),
} as const;

const realSpecsDir = join(repoRoot, "test", "corpus", "real-specs");

/** The public documents of other shapes kept here (sources in `real-specs/README.md`): each one's root file. */
export const realSpecDocuments = {
  "redocly-museum": join(realSpecsDir, "redocly-museum", "openapi.yaml"),
  "matrix-content-repo": join(realSpecsDir, "matrix-content-repo", "content-repo.yaml"),
  "hf-text-generation-inference": join(realSpecsDir, "hf-text-generation-inference", "openapi.json"),
  "unstructured-api": join(realSpecsDir, "unstructured-api", "openapi.json"),
  "paypal-catalog-products": join(realSpecsDir, "paypal-catalog-products", "openapi.json"),
} as const;

/** Every document file in the shared corpus folder (so one added there is not silently left out). */
export const sharedCorpusFiles = (): string[] =>
  readdirSync(corpusDir)
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .sort()
    .map((name) => join(corpusDir, name));
