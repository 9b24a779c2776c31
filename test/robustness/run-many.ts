/**
 * The long robustness run: many more random and mutated documents than `npm test` runs, with a
 * seed of your choice, each package's command line type-checked too. Prints a summary; exits 1 on
 * a failure (the failing document is printed by fast-check, or kept beside its package).
 *
 *   npm exec -- node test/robustness/run-many.ts [--valid 400] [--mutated 800] [--seed N] [--no-cli]
 */
import { parseArgs } from "node:util";
import { runCases } from "./run-cases.ts";

const { values } = parseArgs({
  options: {
    valid: { type: "string", default: "400" },
    mutated: { type: "string", default: "800" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    "no-cli": { type: "boolean", default: false },
  },
});
const options = {
  valid: Number(values.valid),
  mutated: Number(values.mutated),
  seed: Number(values.seed),
  withCli: !values["no-cli"],
};
console.log(
  `robustness: ${options.valid} valid + ${options.mutated} mutated documents, seed ${options.seed}${options.withCli ? ", command lines included" : ""}`,
);
const report = await runCases(options);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `  ${report.cases} cases in ${seconds(report.milliseconds.generate)}: ${report.generated} packages generated, refused: ${JSON.stringify(report.refused)}`,
);
console.log(
  `  type-check of ${report.generated} packages in ${seconds(report.milliseconds.typeCheck)}: ${report.typeErrors === "" ? "no error" : "FAILED"}`,
);
if (report.typeErrors !== "") {
  console.log(report.typeErrors.split("\n").slice(0, 40).join("\n"));
  console.log(`  packages and their documents are kept in ${report.folders.join(", ")}`);
  process.exitCode = 1;
}
