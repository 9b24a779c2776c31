/** Where the real-world OpenAPI documents are: `../shared/corpus/` beside the repository, or `$SPECSMITH_CORPUS`. */
import { join } from "node:path";
import { repoRoot } from "../support/paths.ts";

export const corpusDir = process.env["SPECSMITH_CORPUS"] ?? join(repoRoot, "..", "shared", "corpus");

/** The corpus documents: GitHub's REST description (874 operations) and Stripe's (395). */
export const corpusDocuments = {
  github: join(corpusDir, "github-rest-2022-07.json"),
  stripe: join(corpusDir, "stripe-2022-02.json"),
} as const;
