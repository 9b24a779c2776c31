/**
 * `specsmith diff <old> <new> [--format text|json|github|changelog] [--fail-on error|warning] [--profile default|azure]
 * [--suppressions file] [--no-sdk] [--config file] [--allow-ref-root dir]... [--quiet]`: prints the report on
 * stdout (the flags it shares with generate and check mean the same: `generator/cli/command-line.ts`). Each side is an OpenAPI file, a file at a git ref `<ref>:<path>` (`git-side.ts`) or a
 * spec version `<service>@<version>` (`spec-versions.ts`);
 * a file's `$ref`s may read files under its own folder and the `--allow-ref-root` folders. Unless
 * `--no-sdk`, the packages generated from both sides are compared too (`sdk-layer.ts`). Exit codes:
 * 0 no finding at or above the gate, 1 findings at or above it, 2 usage error (an invalid or
 * unreadable suppression file, an unknown service or version), 3 a document could not be loaded
 * (the loader's or the TypeSpec compiler's diagnostics are printed on stderr; a git ref or path
 * git cannot read is named).
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { helpText } from "../cli/cli-help.ts";
import { CliOutput } from "../cli/cli-output.ts";
import { outputFormat, parseCommandLine, usageError } from "../cli/command-line.ts";
import { CONFIG_FILE, loadConfig } from "../config/config.ts";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostics.ts";
import { formatDiagnostic } from "../cli/format-diagnostic.ts";
import type { ApiIR } from "../ir/types.ts";
import type { LoadedDocument } from "../openapi/load-openapi.ts";
import { isFileRefusal, MAX_SETTINGS_BYTES, readUntrustedFile } from "../input/read-untrusted-file.ts";
import { compareApis } from "./compare-apis.ts";
import { generatedPackage } from "./sdk/generated-package.ts";
import { checkoutGitRef, parseGitRef, type GitCheckout, type GitRef } from "./git-side.ts";
import { loadApiDocument } from "./load-api.ts";
import { PROFILES, reachesGate } from "./profiles.ts";
import { renderJson } from "./reports/report-json.ts";
import { renderMarkdown } from "./reports/report-markdown.ts";
import { renderChangelog } from "./reports/report-changelog.ts";
import { renderGithub } from "./reports/report-github.ts";
import { addSdkView } from "./sdk/sdk-layer.ts";
import { parseSpecRef, resolveSpecVersions, type SpecRef } from "./spec-versions.ts";
import { parseSuppressions } from "./suppressions.ts";
import type { DiffReport, Level, ProfileName, Suppression } from "./types.ts";

/** The report's formats: a pull-request comment (text), machine JSON, GitHub workflow annotations, a changelog section. */
const RENDER = {
  text: renderMarkdown,
  json: (report: DiffReport) => renderJson(report),
  github: renderGithub,
  changelog: renderChangelog,
} as const;

/** diff's own flags (besides the shared `--format`, `--quiet`, `--help`, `--config`, `--allow-ref-root`). */
const DIFF_OPTIONS = {
  "fail-on": { type: "string", default: "error" },
  profile: { type: "string", default: "default" },
  suppressions: { type: "string" },
  sdk: { type: "boolean", default: true },
} as const;

export interface DiffIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: DiffIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** `argv` is what follows `diff` on the command line. */
export async function runDiff(argv: readonly string[], io: DiffIo = processIo): Promise<number> {
  const usage = (problem: string) => usageError("diff", problem, io.stderr);
  const line = parseCommandLine(argv, DIFF_OPTIONS, { allowNegative: true });
  if ("problem" in line) return usage(line.problem);
  const { values, positionals } = line;
  if (line.help) {
    io.stdout(`${helpText("diff")}\n`);
    return 0;
  }
  if (positionals.length !== 2) return usage(`expected two documents, got ${positionals.length}`);
  const format = outputFormat("diff", values.format);
  if (typeof format !== "string") return usage(format.problem);
  const output = new CliOutput({ format: format === "json" ? "json" : "text", quiet: line.quiet }, io);
  const gate = values["fail-on"];
  if (gate !== "error" && gate !== "warning") return usage(`--fail-on must be error or warning, not "${gate}"`);
  const profile = values.profile;
  if (!PROFILES.includes(profile as ProfileName))
    return usage(`--profile must be ${PROFILES.join(" or ")}, not "${profile}"`);

  let suppressions: Suppression[] = [];
  if (values.suppressions !== undefined) {
    const file = values.suppressions;
    const text = readUntrustedFile(file, { maxBytes: MAX_SETTINGS_BYTES });
    if (isFileRefusal(text) && text.reason === "missing") return usage(`suppression file ${file} does not exist`);
    const read = isFileRefusal(text)
      ? {
          value: [],
          diagnostics: [
            createDiagnostic(
              "invalid-suppressions",
              { problem: `cannot read the suppression file: ${text.message}` },
              { file },
            ),
          ],
        }
      : parseSuppressions(file, text);
    if (read.diagnostics.length > 0) {
      output.diagnostics(read.diagnostics);
      return output.finish({ command: "diff", ok: false }, 2);
    }
    suppressions = read.value;
  }

  const sides = await loadSides(
    positionals as [string, string],
    values.config,
    values["allow-ref-root"] ?? [],
    io,
    output,
  );
  if (sides === 2) return usage("");
  if (typeof sides === "number") return output.finish({ command: "diff", ok: false }, sides);
  const [a, b] = sides;
  const documents = { old: { document: a.document, label: a.label }, new: { document: b.document, label: b.label } };
  output.progress("comparing");
  let report = compareApis(a.api, b.api, {
    profile: profile as ProfileName,
    suppressions,
    oldSource: a.source,
    newSource: b.source,
    documents,
  });
  if (values.sdk) {
    output.progress("comparing the generated packages' exports");
    const [pa, pb] = [generatedPackage(a.api, a.names), generatedPackage(b.api, b.names)];
    report = addSdkView(report, { api: a.api, ...pa }, { api: b.api, ...pb });
  }
  io.stdout(RENDER[format](report));
  const failing = report.findings.filter((f) => reachesGate(f.level, gate as Level));
  if (failing.length > 0) {
    // In every format (stdout holds the report): the one line that says why the exit status is 1.
    io.stderr(`specsmith diff: ${failing.length} finding(s) at or above ${gate}\n`);
    return 1;
  }
  return 0;
}

/** One side of the diff, loaded into the IR, with the names its generated package would have. */
interface Side {
  readonly api: ApiIR;
  readonly document: LoadedDocument;
  /** How findings name the document's file (`source-locations.ts`). */
  readonly label: string;
  readonly source: string;
  readonly names?: { readonly packageName: string; readonly service: string };
}

/**
 * Loads both sides: an existing path is a file; `<service>@<version>` a spec version; anything
 * else a file too (so the loader reports it missing). Returns an exit code on failure: 2 after
 * printing why (the usage line still has to follow, as for any usage error), 3 with the
 * diagnostics handed to `output` (which prints them as the format says).
 */
async function loadSides(
  args: readonly [string, string],
  configFile: string | undefined,
  refRoots: readonly string[],
  io: DiffIo,
  output: CliOutput,
): Promise<number | [Side, Side]> {
  const refs = new Map<string, SpecRef>();
  const gitRefs = new Map<string, GitRef>();
  for (const arg of args.filter((a) => !existsSync(a))) {
    const git = parseGitRef(arg);
    const ref = git ? undefined : parseSpecRef(arg);
    if (git) gitRefs.set(arg, git);
    if (ref) refs.set(arg, ref);
  }
  // A document's warnings are about the package generated from it (`generate` reports them), not the diff.
  const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");
  const print = (diagnostics: readonly Diagnostic[]) => {
    for (const d of errorsOf(diagnostics)) io.stderr(`${formatDiagnostic(d)}\n`);
  };
  const specs = new Map<string, { yaml: string; file: string; names: NonNullable<Side["names"]> }>();
  if (refs.size > 0) {
    const config = await loadConfig(resolve(configFile ?? CONFIG_FILE));
    if (!config.value) {
      print(config.diagnostics);
      io.stderr(
        `specsmith diff: ${[...refs.keys()].join(" and ")} name spec versions, which need a readable ${configFile ?? CONFIG_FILE}\n`,
      );
      return 2;
    }
    output.progress(`compiling ${[...refs.keys()].join(" and ")}`);
    const resolved = await resolveSpecVersions(config.value, [...refs.values()]);
    if (resolved.kind === "usage") {
      io.stderr(`specsmith diff: ${resolved.message}\n`);
      return 2;
    }
    if (resolved.kind === "unloadable") {
      output.diagnostics(errorsOf(resolved.diagnostics));
      output.alert("specsmith diff: a spec could not be compiled (see above)");
      return 3;
    }
    for (const [arg, ref] of refs) {
      const spec = resolved.value.get(`${ref.service}@${ref.version}`)!;
      // Named as `npm run generate` names the document, so the committed report is reproduced.
      const file = `${basename(config.value.output)}/openapi/${spec.service.name}/${ref.version}.yaml`;
      specs.set(arg, {
        yaml: spec.yaml,
        file,
        names: { packageName: spec.service.packageName, service: spec.service.name },
      });
    }
  }
  const checkouts = new Map<string, GitCheckout>();
  try {
    for (const [arg, git] of gitRefs) {
      const checkout = await checkoutGitRef(git);
      if ("failure" in checkout) {
        output.diagnostics([createDiagnostic("unreadable-git-ref", { problem: checkout.failure }, { file: arg })]);
        output.alert("specsmith diff: a document could not be loaded (see above)");
        return 3;
      }
      checkouts.set(arg, checkout);
    }
    const loaded = args.map((arg) => {
      output.progress(`reading ${arg}`);
      const spec = specs.get(arg);
      const checkout = checkouts.get(arg);
      const label = spec?.file ?? gitRefs.get(arg)?.path ?? arg;
      return {
        arg,
        spec,
        label,
        result: spec
          ? loadApiDocument(spec.file, spec.yaml)
          : loadApiDocument(checkout?.file ?? arg, undefined, { refRoots }),
      };
    });
    for (const side of loaded) {
      const checkout = checkouts.get(side.arg);
      output.diagnostics(errorsOf(checkout ? side.result.diagnostics.map(checkout.named) : side.result.diagnostics));
    }
    if (loaded.some((side) => !side.result.value)) {
      output.alert("specsmith diff: a document could not be loaded (see above)");
      return 3;
    }
    const [a, b] = loaded.map(({ arg, spec, label, result }): Side => ({
      ...result.value!,
      label,
      source: arg,
      ...(spec ? { names: spec.names } : {}),
    }));
    return [a!, b!];
  } finally {
    for (const checkout of checkouts.values()) checkout.dispose();
  }
}
