/**
 * `readUntrustedFile`, the one reader of files a user or a document names: regular files only
 * (checked on the opened descriptor, opened without blocking, so a FIFO cannot hang it), and a size
 * limit held while reading, for `/proc` files whose stat size is 0.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readUntrustedFile } from "../../generator/input/read-untrusted-file.ts";

const dir = mkdtempSync(join(tmpdir(), "specsmith-untrusted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MAX = { maxBytes: 1024 };

describe("readUntrustedFile", () => {
  it("reads a regular file as UTF-8, up to exactly the limit", () => {
    const file = join(dir, "ok.yaml");
    writeFileSync(file, "é".repeat(512)); // 1024 bytes
    expect(readUntrustedFile(file, MAX)).toBe("é".repeat(512));
    writeFileSync(file, `${"é".repeat(512)}x`);
    expect(readUntrustedFile(file, MAX)).toEqual({
      reason: "too-large",
      message: "it is 1025 bytes, over the limit of 1024 bytes",
    });
  });

  it("reads a file larger than its first chunk (the buffer grows)", () => {
    const file = join(dir, "big.json");
    const text = "y".repeat(300_000);
    writeFileSync(file, text);
    expect(readUntrustedFile(file, { maxBytes: 1_000_000 })).toBe(text);
  });

  it("says when there is no such file", () => {
    expect(readUntrustedFile(join(dir, "nope.yaml"), MAX)).toEqual({ reason: "missing", message: "no such file" });
    expect(readUntrustedFile(join(dir, "ok.yaml", "below"), MAX)).toMatchObject({ reason: "missing" });
  });

  it("refuses a folder", () => {
    mkdirSync(join(dir, "folder"), { recursive: true });
    expect(readUntrustedFile(join(dir, "folder"), MAX)).toEqual({
      reason: "not-a-file",
      message: "it is a folder, not a regular file",
    });
  });

  it("refuses a FIFO without waiting for a writer", () => {
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    // Before the fix this call blocked the thread for good (no writer ever comes).
    expect(readUntrustedFile(fifo, MAX)).toEqual({
      reason: "not-a-file",
      message: "it is a named pipe (FIFO), not a regular file",
    });
  });

  it("refuses a device (/dev/zero never ends)", () => {
    expect(readUntrustedFile("/dev/zero", MAX)).toEqual({
      reason: "not-a-file",
      message: "it is a device, not a regular file",
    });
  });

  it.runIf(existsSync("/proc/self/environ"))("holds the limit while reading a /proc file whose stat size is 0", () => {
    const maps = "/proc/self/maps";
    expect(statSync(maps).size).toBe(0);
    expect(readFileSync(maps, "utf8").length).toBeGreaterThan(64);
    expect(readUntrustedFile(maps, { maxBytes: 64 })).toEqual({
      reason: "too-large",
      message: "it is larger than the limit of 64 bytes",
    });
  });

  it("with noFollow, refuses a path whose last part is a symbolic link", () => {
    const link = join(dir, "link.yaml");
    symlinkSync(join(dir, "ok.yaml"), link);
    expect(readUntrustedFile(link, { ...MAX, noFollow: true })).toMatchObject({ reason: "not-a-file" });
  });
});
