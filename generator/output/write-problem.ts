/**
 * Writing can fail because of the user's machine, not because of specsmith: a folder specsmith
 * does not own, no permission, a full disk, a file where a folder should be. Those become
 * diagnostics (no stack trace); anything else stays an exception, as it is a bug.
 */
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostics.ts";
import { OutputFolderError } from "./output-folder-error.ts";

/** File system error codes a user can fix (Node's `error.code`). */
const USER_FIXABLE = new Map([
  ["EACCES", "permission denied"],
  ["EPERM", "operation not permitted"],
  ["EROFS", "the file system is read-only"],
  ["ENOSPC", "no space left on the device"],
  ["EDQUOT", "disk quota exceeded"],
  ["ENOTDIR", "a file is in the way of a folder"],
  ["EISDIR", "a folder is in the way of a file"],
  ["EEXIST", "a file is in the way"],
  ["ENAMETOOLONG", "a path is too long"],
  ["EBUSY", "a file or folder is busy (open in another program?)"],
  ["EMFILE", "too many open files"],
]);

export function writeProblem(error: unknown, folder: string): Diagnostic | undefined {
  if (error instanceof OutputFolderError)
    return createDiagnostic(error.code, { problem: error.message }, { file: folder });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === undefined ? undefined : USER_FIXABLE.get(code);
  if (!why) return undefined;
  const path = (error as NodeJS.ErrnoException).path ?? folder;
  return createDiagnostic("output-write-failed", { path, reason: why, errno: String(code) }, { file: folder });
}
