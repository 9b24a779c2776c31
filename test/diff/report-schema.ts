/** Validates a JSON report against `generator/diff/report.schema.json` with ajv (draft-07). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { repoRoot } from "../support/paths.ts";

const schema: unknown = JSON.parse(readFileSync(join(repoRoot, "generator/diff/report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema as object);

/** The schema violations, as `pointer message` lines (empty when valid). */
export function validateReport(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
