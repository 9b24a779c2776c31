/**
 * The command that regenerates an output, as generated file headers and `check`'s stale hint name
 * it: what the user would type again, never a path of this machine (relative paths, `/`-separated).
 * In generated files the paths are relative to a place the output itself fixes (the folder holding
 * a `--spec` build's output folder; a config's own folder), so running the same build from another
 * working folder writes the same bytes and `check` from anywhere agrees; the stale hint printed to
 * the terminal is relative to the working folder, so that it can be pasted as it is.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

/** The default config file name, read from the working folder when `--config` is not given. */
const CONFIG_FILE = "specsmith.config.json";

/**
 * A config build: `npm run generate` when the config is the default file beside a package.json
 * whose `generate` script runs `specsmith generate` without another config (as this repository's
 * does); otherwise `specsmith generate`, with `--config` unless it is the working folder's default.
 */
export function configRegenerateCommand(configFile: string, cwd = process.cwd()): string {
  if (basename(configFile) === CONFIG_FILE && runsGenerate(dirname(configFile))) return "npm run generate";
  if (resolve(configFile) === resolve(cwd, CONFIG_FILE)) return "specsmith generate";
  return `specsmith generate --config ${shellWord(shownPath(configFile, cwd))}`;
}

/** A `--spec` build: `specsmith generate` with the options that shape the output, paths relative to `cwd`. */
export function specRegenerateCommand(
  options: {
    readonly spec: string;
    readonly out?: string;
    readonly packageName?: string;
    readonly refRoots: readonly string[];
    readonly azure?: boolean;
  },
  cwd = process.cwd(),
): string {
  const words = [
    "--spec",
    shownPath(options.spec, cwd),
    ...(options.out ? ["--out", shownPath(options.out, cwd)] : []),
    ...(options.packageName ? ["--package-name", options.packageName] : []),
    ...options.refRoots.flatMap((folder) => ["--allow-ref-root", shownPath(folder, cwd)]),
    ...(options.azure === undefined ? [] : [options.azure ? "--azure" : "--no-azure"]),
  ];
  return ["specsmith", "generate", ...words.map(shellWord)].join(" ");
}

function runsGenerate(folder: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
      scripts?: Record<string, unknown>;
    };
    const script = manifest.scripts?.["generate"];
    return (
      typeof script === "string" && /\bspecsmith(?:\.js)?\s+generate\b/.test(script) && !script.includes("--config")
    );
  } catch {
    return false;
  }
}

/** A path given on this command line (relative to the working folder) as typed in `cwd`: `/`-separated, `.` for `cwd` itself. */
function shownPath(path: string, cwd: string): string {
  // On Windows, a path on another drive has no relative form and stays absolute.
  return relative(cwd, resolve(path)).split(sep).join("/") || ".";
}

/** Quoted for a POSIX shell when it holds anything but plain path and name characters. */
function shellWord(word: string): string {
  return /^[\w./@:+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Where the paths of a `--spec` build's header are relative to: the folder holding its output folder. */
export function specCommandAnchor(out: string | undefined, cwd = process.cwd()): string {
  return out ? dirname(resolve(cwd, out)) : cwd;
}
