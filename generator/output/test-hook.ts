/**
 * Test-only points in the writer, so the crash and concurrency tests can stop a real `specsmith`
 * process at an exact step instead of hoping a timed kill lands there:
 * `SPECSMITH_TEST_CRASH_AT=<step>` kills the process (SIGKILL, as `kill -9` would) on reaching
 * `<step>`; `SPECSMITH_TEST_PAUSE_AT=<step>` says so on stderr and stops it (SIGSTOP) until the test
 * sends SIGCONT. With neither variable set (normal use) a step is one environment read.
 */
import { writeSync } from "node:fs";

export type WriteStep =
  | "after-lock"
  | "after-restore"
  | "after-recovery"
  | "after-diff"
  | "mid-staging"
  | "after-staging"
  | "after-first-rename"
  | "after-second-rename";

export function reachedStep(step: WriteStep): void {
  if (process.env.SPECSMITH_TEST_CRASH_AT === step) process.kill(process.pid, "SIGKILL");
  if (process.env.SPECSMITH_TEST_PAUSE_AT === step) {
    writeSync(2, `specsmith-test: paused at ${step}\n`);
    process.kill(process.pid, "SIGSTOP");
  }
}
