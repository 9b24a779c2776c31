/** The `CliIo` of a real process: `process` streams and environment, `node:fs` and `node:readline`. */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { CliIo } from "./program.ts";

export function nodeIo(): CliIo {
  return {
    env: process.env,
    stdinIsTerminal: process.stdin.isTTY === true,
    writeOut: (text) => void process.stdout.write(text),
    writeErr: (text) => void process.stderr.write(text),
    readFile: (path) => readFileSync(path),
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
