/**
 * What the CLI prints, in one place: progress lines and diagnostics on stderr, the result on stdout,
 * as text for people or (`--format json`) as one JSON object for CI. `--quiet` keeps only what
 * needs attention: diagnostics and the files a check found stale. `generate`, `check` and `diff`
 * all print through it, so their JSON has one shape for the outcome and the diagnostics.
 */
import { isAbsolute, relative } from "node:path";
import { countText, diagnosticJson, hasErrors, type Diagnostic } from "../diagnostics/diagnostics.ts";
import { formatDiagnostic } from "./format-diagnostic.ts";
import { escapeUnsafeCharacters, terminalLine } from "../runtime/cli/terminal-text.ts";
import type { TreeChanges } from "../output/write-tree.ts";

/** How diagnostics and the outcome are printed: for people (on stderr), or in the JSON object on stdout. */
export type OutputFormat = "text" | "json";

export interface CliResult {
  readonly command: "generate" | "check" | "diff";
  readonly ok: boolean;
  /** The output folder, as given or relative to the working folder. */
  readonly output?: string;
  readonly files?: number;
  /** generate: what was written; check: what is stale. */
  readonly changes?: TreeChanges;
  readonly wrote?: boolean;
}

export class CliOutput {
  readonly #format: OutputFormat;
  readonly #quiet: boolean;
  readonly #started = performance.now();
  readonly #diagnostics: Diagnostic[] = [];
  readonly #stdout: (line: string) => void;
  readonly #stderr: (line: string) => void;
  readonly #json: (text: string) => void;

  constructor(
    options: { format: OutputFormat; quiet: boolean },
    io: { stdout: (text: string) => void; stderr: (text: string) => void } = {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    },
  ) {
    this.#format = options.format;
    this.#quiet = options.quiet;
    // Lines quote what they were given (file names, spec text in diagnostics): each is printed as
    // one line, with no escape sequence or control character reaching the terminal or the CI log.
    this.#stdout = (line) => io.stdout(`${terminalLine(line)}\n`);
    this.#stderr = (line) => io.stderr(`${terminalLine(line)}\n`);
    this.#json = (text) => io.stdout(`${escapeUnsafeCharacters(text)}\n`);
  }

  /** A progress line (stderr), with the time since start, unless `--quiet`. */
  readonly progress = (message: string): void => {
    if (this.#quiet) return;
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    this.#stderr(`specsmith [${seconds}s] ${message}`);
  };

  /**
   * Diagnostics are printed as they come (text) or collected for the result (JSON). `listed`: the
   * text output already showed them another way (the stale files of a check), so only JSON gets them.
   */
  diagnostics(diagnostics: readonly Diagnostic[], listed = false): void {
    const shown = diagnostics.map(withShortPath);
    this.#diagnostics.push(...shown);
    if (this.#format === "text" && !listed) for (const d of shown) this.#stderr(formatDiagnostic(d));
  }

  get hasErrors(): boolean {
    return hasErrors(this.#diagnostics);
  }

  /** Whether stdout is one JSON object (then nothing else may be printed there). */
  get json(): boolean {
    return this.#format === "json";
  }

  /** A line for people (stdout) unless quiet or JSON: the outcome of a successful run. */
  note(message: string): void {
    if (this.#format === "text" && !this.#quiet) this.#stdout(`specsmith: ${message}`);
  }

  /** A line people must see (stderr) whatever `--quiet` says, e.g. the stale files of a check. */
  alert(message: string): void {
    if (this.#format === "text") this.#stderr(message);
  }

  /**
   * Ends the run: the JSON result (stdout), or the error summary line (text; diff says in its own
   * words what could not be loaded). Returns the exit status: `status`, else 0 or 1.
   */
  finish(result: CliResult, status?: number): number {
    const code = status ?? (result.ok ? 0 : 1);
    if (this.#format === "json") {
      const summary = {
        errors: this.#diagnostics.filter((d) => d.severity === "error").length,
        warnings: this.#diagnostics.filter((d) => d.severity === "warning").length,
      };
      this.#json(JSON.stringify({ ...result, summary, diagnostics: this.#diagnostics.map(diagnosticJson) }, null, 2));
    } else if (this.hasErrors && !this.#quiet && result.command !== "diff") {
      const written = result.command === "check" ? "" : "; nothing was written";
      this.#stderr(`specsmith: ${countText(this.#diagnostics)}${written}`);
    }
    return code;
  }
}

/** Files under the working folder are shown relative to it (what editors and CI annotations expect). */
function withShortPath(d: Diagnostic): Diagnostic {
  const file = d.location?.file;
  if (!file || !isAbsolute(file)) return d;
  const short = relative(process.cwd(), file);
  if (short === "" || short.startsWith("..") || isAbsolute(short)) return d;
  return { ...d, location: { ...d.location, file: short } };
}
