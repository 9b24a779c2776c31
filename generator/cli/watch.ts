/**
 * `specsmith generate --watch`: runs the generation once, then again whenever a watched input
 * changes. Editors save in bursts (write, rename, touch), so changes are debounced; a change that
 * arrives during a run schedules one more run after it. A run that diagnoses errors (a half-typed
 * spec) just reports them: the watcher keeps going until SIGINT/SIGTERM, then exits 0. The writer
 * rewrites only files whose bytes change, so a rebuild does not disturb tools watching the output.
 */
import { watch, type FSWatcher } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Long enough to merge one save's events, short enough to feel immediate. */
export const DEBOUNCE_MS = 100;

export interface WatchPlan {
  /** Folders watched with everything under them (a TypeSpec service's folder, a document's folder). */
  readonly folders: readonly string[];
  /** Single files, watched through their folder (the config). */
  readonly files: readonly string[];
  /** Changes under these are ignored: the output folder, so that writing it does not trigger a run. */
  readonly ignored: readonly string[];
}

/** Folders whose changes never concern the generator (dependencies, build artefacts). */
const IGNORED_NAMES = new Set(["node_modules", "dist"]);

/**
 * Runs `run` now and on every relevant change until a signal; resolves with the exit code (0).
 * `plan` is asked again after each run, so a config that gains a service is watched at once.
 */
export async function watchAndRun(
  plan: () => Promise<WatchPlan>,
  run: () => Promise<number>,
  log: (line: string) => void,
): Promise<number> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let current: WatchPlan = { folders: [], files: [], ignored: [] };
  // Handled from the start: an interrupt during a run lets the writer finish its swap first.
  const interrupted = new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });

  const cycle = async (): Promise<void> => {
    do {
      again = false;
      try {
        await run();
      } catch (error) {
        // A bug in specsmith: reported like the one-shot command does, and the watch goes on.
        log(
          `specsmith: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
      const next = await plan();
      // Kept when unchanged: a new watcher would miss a save made while the old one closes.
      if (!stopped && JSON.stringify(next) !== JSON.stringify(current)) watchers = rewatch(watchers, next, onChange);
      current = next;
      if (!stopped && !again) log("specsmith: watching for changes (Ctrl-C stops)");
    } while (again && !stopped);
  };
  const start = () => {
    running = cycle().finally(() => (running = undefined));
  };
  function onChange(path: string): void {
    if (!concerns(current, path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      log(`specsmith: ${relative(process.cwd(), path) || path} changed, regenerating`);
      if (running) again = true;
      else start();
    }, DEBOUNCE_MS);
  }

  start();
  await interrupted;
  stopped = true;
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
  return 0;
}

/** Closes the old watchers and opens one per folder (recursive) and per single file's folder. */
function rewatch(old: FSWatcher[], plan: WatchPlan, onChange: (path: string) => void): FSWatcher[] {
  for (const watcher of old) watcher.close();
  const targets = [
    ...plan.folders.map((folder) => ({ folder, recursive: true })),
    ...[...new Set(plan.files.map((file) => dirname(file)))]
      .filter((folder) => !plan.folders.includes(folder))
      .map((folder) => ({ folder, recursive: false })),
  ];
  const watchers: FSWatcher[] = [];
  for (const { folder, recursive } of targets) {
    try {
      const watcher = watch(folder, { recursive }, (_event, name) =>
        onChange(name ? join(folder, name.toString()) : folder),
      );
      // A watched folder that disappears (a branch switch) ends its watcher; the next run watches again.
      watcher.on("error", () => watcher.close());
      watchers.push(watcher);
    } catch {
      // A missing folder: the run just reported the missing input; it is watched once it exists.
    }
  }
  return watchers;
}

/**
 * Whether a changed path is an input: one of the files, or under a watched folder and not under an
 * ignored one, nor under a dependency/artefact folder or a dot-entry (the writer's lock and staging
 * folders, `.git`, editors' swap files) below the watched folder.
 */
function concerns(plan: WatchPlan, path: string): boolean {
  const file = resolve(path);
  if (plan.ignored.some((folder) => isUnder(file, folder))) return false;
  if (plan.files.includes(file)) return true;
  return plan.folders.some(
    (folder) =>
      isUnder(file, folder) &&
      !relative(folder, file)
        .split(sep)
        .some((part) => IGNORED_NAMES.has(part) || part.startsWith(".")),
  );
}

function isUnder(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
