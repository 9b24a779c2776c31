/** A user-facing problem with the output folder (not an internal bug); `code` is its diagnostic. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
  readonly code: "output-not-owned" | "output-locked" | "output-symlink";

  constructor(message: string, code: OutputFolderError["code"] = "output-not-owned") {
    super(message);
    this.code = code;
  }
}
