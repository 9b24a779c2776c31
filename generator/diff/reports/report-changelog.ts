/**
 * `--format changelog`: the new version's section of a Keep a Changelog file
 * (https://keepachangelog.com), to paste above the previous one. Findings go under Added,
 * Changed, Deprecated or Removed by their rule; breaking ones (error, warning) are marked and come
 * first in each. A diff cannot tell a fix from a change, so "Fixed" is left to the author. No date:
 * the report depends only on the two documents.
 */
import { terminalText } from "../../runtime/cli/terminal-text.ts";
import { code, escape } from "./markdown-text.ts";
import { LEVEL_RANK } from "../profiles.ts";
import { isBreaking, whatChanged } from "./report-facts.ts";
import type { DiffReport, Finding } from "../types.ts";

type Category = "Added" | "Changed" | "Deprecated" | "Removed";
const ORDER: readonly Category[] = ["Added", "Changed", "Deprecated", "Removed"];

function categoryOf(f: Finding): Category {
  if (/(^|-)deprecated($|-)/.test(f.ruleId)) return "Deprecated";
  if (/(^|-)removed($|-)/.test(f.ruleId)) return "Removed";
  if (/(^|-)added($|-)/.test(f.ruleId)) return "Added";
  return "Changed";
}

export function renderChangelog(report: DiffReport): string {
  const lines = [`## [${report.new.version}]`, ""];
  if (report.findings.length === 0) lines.push(`No API changes since ${code(report.old.version)}.`, "");
  for (const category of ORDER) {
    const list = report.findings
      .filter((f) => categoryOf(f) === category)
      .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    if (list.length === 0) continue;
    // One entry per place and change: an enum value removed is a finding per direction, one line here.
    const entries = new Map<string, string>();
    for (const f of list) {
      const text = `${code(f.location)}: ${escape(whatChanged(f))}`;
      if (!entries.has(text)) entries.set(text, `- ${isBreaking(f) ? "**Breaking:** " : ""}${text}`);
    }
    lines.push(`### ${category}`, "", ...entries.values(), "");
  }
  return terminalText(`${lines.join("\n").trimEnd()}\n`);
}
