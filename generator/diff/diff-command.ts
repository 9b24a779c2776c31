/**
 * `specsmith diff <old> <new> [--format md|json] [--fail-on error|warning] [--profile default|azure]
 * [--suppressions file]`: prints the report on stdout. Exit codes: 0 no finding at or above the
 * gate, 1 findings at or above it, 2 usage error (including an invalid suppression file), 3 a
 * document could not be loaded (the loader's diagnostics are printed on stderr).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../diagnostics.ts";
import { compareApis } from "./compare-apis.ts";
import { loadApi } from "./load-api.ts";
import { PROFILES, reachesGate } from "./profiles.ts";
import { renderJson } from "./report-json.ts";
import { renderMarkdown } from "./report-markdown.ts";
import { parseSuppressions } from "./suppressions.ts";
import type { Level, ProfileName, Suppression } from "./types.ts";

export const DIFF_USAGE =
  "usage: specsmith diff <old.yaml|json> <new.yaml|json> [--format md|json] [--fail-on error|warning] [--profile default|azure] [--suppressions file]";

export interface DiffIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: DiffIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** `argv` is what follows `diff` on the command line. */
export async function runDiff(argv: readonly string[], io: DiffIo = processIo): Promise<number> {
  const usage = (problem: string) => {
    io.stderr(`${problem ? `specsmith diff: ${problem}\n` : ""}${DIFF_USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", default: "md" },
        "fail-on": { type: "string", default: "error" },
        profile: { type: "string", default: "default" },
        suppressions: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 2) return usage(`expected two documents, got ${positionals.length}`);
  const format = values.format;
  if (format !== "md" && format !== "json") return usage(`--format must be md or json, not "${format}"`);
  const gate = values["fail-on"];
  if (gate !== "error" && gate !== "warning") return usage(`--fail-on must be error or warning, not "${gate}"`);
  const profile = values.profile;
  if (!PROFILES.includes(profile as ProfileName)) return usage(`--profile must be ${PROFILES.join(" or ")}, not "${profile}"`);

  let suppressions: Suppression[] = [];
  if (values.suppressions !== undefined) {
    const file = values.suppressions;
    if (!existsSync(file)) return usage(`suppression file ${file} does not exist`);
    const read = parseSuppressions(file, readFileSync(file, "utf8"));
    if (read.diagnostics.length > 0) {
      for (const d of read.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    suppressions = read.value;
  }

  const [oldFile, newFile] = positionals as [string, string];
  const sides = [loadApi(oldFile), loadApi(newFile)] as const;
  for (const side of sides) for (const d of side.diagnostics) if (d.severity === "error") io.stderr(`${formatDiagnostic(d)}\n`);
  const [oldApi, newApi] = [sides[0].value, sides[1].value];
  if (!oldApi || !newApi) {
    io.stderr("specsmith diff: a document could not be loaded (see above)\n");
    return 3;
  }

  const report = compareApis(oldApi, newApi, { profile: profile as ProfileName, suppressions, oldSource: oldFile, newSource: newFile });
  io.stdout(format === "json" ? renderJson(report) : renderMarkdown(report));
  const failing = report.findings.filter((f) => reachesGate(f.level, gate as Level));
  if (failing.length > 0) {
    io.stderr(`specsmith diff: ${failing.length} finding(s) at or above ${gate}\n`);
    return 1;
  }
  return 0;
}
