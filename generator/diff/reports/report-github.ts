/**
 * `--format github`: one GitHub Actions workflow command per finding (`::error`, `::warning`,
 * `::notice` for info), at the finding's line in the new document (the old one's for a removal),
 * so the pull request shows each change on the spec line it is about. Escaped as GitHub's
 * toolkit escapes: `%`, CR and LF in the message; also `:` and `,` in properties. Suppressed
 * findings are left out: they were reviewed.
 */
import { terminalText } from "../../runtime/cli/terminal-text.ts";
import { shownAt } from "./report-facts.ts";
import type { DiffReport, Finding, Level } from "../types.ts";

const COMMAND: Record<Level, string> = { error: "error", warning: "warning", info: "notice" };

const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function renderGithub(report: DiffReport): string {
  return report.findings.map((f) => `${command(f)}\n`).join("");
}

function command(f: Finding): string {
  const at = shownAt(f);
  const properties = [
    ...(at ? [`file=${escapeProperty(terminalText(at.file))}`] : []),
    ...(at?.line !== undefined ? [`line=${at.line}`, `col=${at.column ?? 1}`] : []),
    `title=${escapeProperty(terminalText(`${f.ruleId} at ${f.location}`))}`,
  ];
  // Unsafe characters of the documents go first (`terminalText`); the escapes then keep each command one line.
  const message = [f.message, ...(f.sdk ?? []).map((line) => `SDK: ${line}`)].join("\n");
  return `::${COMMAND[f.level]} ${properties.join(",")}::${escapeData(terminalText(message))}`;
}
