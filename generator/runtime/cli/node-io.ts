/** The `CliIo` of a real process: `process` streams and environment, `node:fs` and `node:readline`. */
import { closeSync, constants, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { MAX_FLAG_FILE_BYTES, type CliIo } from "./program.ts";

export function nodeIo(): CliIo {
  return {
    env: process.env,
    stdinIsTerminal: process.stdin.isTTY === true,
    stdoutIsTerminal: process.stdout.isTTY === true,
    writeOut: (text) => void process.stdout.write(text),
    writeOutBytes: (bytes) => void process.stdout.write(bytes),
    writeErr: (text) => void process.stderr.write(text),
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    readFile: readFlagFile,
    readLine: (prompt) =>
      new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
        let answered = false;
        rl.question(prompt, (answer) => {
          answered = true;
          rl.close();
          resolve(answer);
        });
        rl.on("close", () => {
          if (!answered) resolve(undefined);
        });
      }),
  };
}

/**
 * A regular file of at most {@link MAX_FLAG_FILE_BYTES}. Devices (`/dev/zero` never ends), pipes
 * and directories are refused with the `code` `ENOTREGULAR`, larger files with `EFBIG`. Opened
 * non-blocking, so naming a FIFO nobody writes to does not hang; the checks are made on the open
 * file, so it cannot be swapped between check and read.
 */
export function readFlagFile(path: string): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: "ENOTREGULAR" });
    if (stats.size > MAX_FLAG_FILE_BYTES) throw Object.assign(new Error(`${path} is too large`), { code: "EFBIG" });
    // Reads what `fstat` announced and no more, even if the file grows meanwhile.
    const buffer = new Uint8Array(stats.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
