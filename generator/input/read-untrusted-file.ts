/**
 * The one way specsmith reads a file a user or a document named (`--spec`, a `$ref`ed file, the
 * config, a suppression file). A name can point at anything: a folder, a FIFO that blocks the
 * reader until someone writes to it, `/dev/zero` (endless), or a `/proc` file whose stat size is 0
 * while it holds megabytes (`/proc/self/pagemap`: gigabytes). So the file is opened without
 * blocking, checked to be a regular file on the opened descriptor (not on the path, which could be
 * swapped in between), and read in growing chunks that stop just past the size limit, whatever the
 * stat size said.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** Why a file was not read: `message` is the reason only ("it is a folder"), the caller names the file. */
export interface FileRefusal {
  readonly reason: "missing" | "not-a-file" | "too-large" | "unreadable";
  readonly message: string;
}

export interface ReadOptions {
  /** Refuse the file past this many bytes. */
  readonly maxBytes: number;
  /** Refuse a symbolic link as the last component (for paths already resolved with `realpath`). */
  readonly noFollow?: boolean;
}

/** Config, suppression and CLI naming files: hand-written, far below this; an OpenAPI document has its own limit. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

const FIRST_CHUNK = 64 * 1024;

export const isFileRefusal = (read: string | FileRefusal): read is FileRefusal => typeof read !== "string";

/** The file's text (UTF-8), or why it was not read. Never blocks on a FIFO or device. */
export function readUntrustedFile(path: string, options: ReadOptions): string | FileRefusal {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, before any check can run.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    return openRefusal(error as NodeJS.ErrnoException);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { reason: "not-a-file", message: `it is ${kindOf(stats)}, not a regular file` };
    if (stats.size > options.maxBytes) return tooLarge(options.maxBytes, stats.size);
    return readAtMost(fd, stats.size, options.maxBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EAGAIN: a "regular" file that would block a reader (`/proc/kmsg`); it is no document.
    const message =
      code === "EAGAIN"
        ? "it cannot be read without waiting (not a plain file)"
        : `it cannot be read (${code ?? "I/O error"})`;
    return { reason: "unreadable", message };
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, or refuses as soon as more than `maxBytes` came in (the stat size is only a hint). */
function readAtMost(fd: number, sizeHint: number, maxBytes: number): string | FileRefusal {
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(sizeHint + 1, FIRST_CHUNK)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return tooLarge(maxBytes);
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.toString("utf8", 0, length);
    length += read;
  }
}

function openRefusal(error: NodeJS.ErrnoException): FileRefusal {
  switch (error.code) {
    case "ENOENT":
    case "ENOTDIR":
      return { reason: "missing", message: "no such file" };
    case "ELOOP":
      return { reason: "not-a-file", message: "it is a symbolic link that changed while it was read" };
    case "ENXIO":
      return { reason: "not-a-file", message: "it is a socket or device, not a regular file" };
    case "EACCES":
    case "EPERM":
      return { reason: "unreadable", message: "permission denied" };
    default:
      return { reason: "unreadable", message: `it cannot be opened (${error.code ?? error.message})` };
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "a special file";
}

export function tooLarge(maxBytes: number, size?: number): FileRefusal {
  const over = size === undefined ? "it is larger than" : `it is ${amount(size)}, over`;
  return { reason: "too-large", message: `${over} the limit of ${amount(maxBytes)}` };
}

const MIB = 1024 * 1024;
const amount = (bytes: number): string =>
  bytes < MIB ? `${bytes} bytes` : `${Math.round((bytes / MIB) * 10) / 10} MiB`;
