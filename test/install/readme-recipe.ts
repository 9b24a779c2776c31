/**
 * The README's "Use it in your repo" section as steps a test can follow: the files it tells a
 * newcomer to write (a fenced block whose preceding paragraph names the file in backticks last) and
 * the shell commands, in order. The install test runs these, so the README cannot drift from what works.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/paths.ts";

export type RecipeStep =
  | { readonly kind: "file"; readonly path: string; readonly text: string }
  | { readonly kind: "command"; readonly line: string };

export const RECIPE_HEADING = "## Use it in your repo";

export function readmeRecipe(): RecipeStep[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n${RECIPE_HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no "${RECIPE_HEADING}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const steps: RecipeStep[] = [];
  let previousEnd = 0;
  for (const block of section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    const [whole, language, text = ""] = block;
    const before = section.slice(previousEnd, block.index);
    previousEnd = block.index + whole.length;
    if (language === "sh") {
      for (const line of text.split("\n").filter((l) => l.trim() !== "")) steps.push({ kind: "command", line });
      continue;
    }
    const path = [...before.matchAll(/`([\w./-]+\.\w+)`/g)].at(-1)?.[1];
    if (!path) throw new Error(`README.md: the ${language} block of "${RECIPE_HEADING}" follows no file name`);
    steps.push({ kind: "file", path, text });
  }
  return steps;
}
