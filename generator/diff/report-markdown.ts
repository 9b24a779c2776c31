/**
 * The report as a pull-request comment: a title, counts by level, then the changes grouped by
 * operation and by model (groups with breaking changes first, breaking changes first within a
 * group), each with its rule id and a one-line why. Suppressed findings are listed apart.
 */
import { terminalText } from "../emitters/cli/runtime/terminal-text.ts";
import { operationSortKey } from "./findings.ts";
import { summarize } from "./report-json.ts";
import { LEVEL_RANK } from "./profiles.ts";
import type { DiffReport, Finding, Level, SdkReport, SuppressedFinding } from "./types.ts";

interface Group {
  readonly title: string;
  readonly sortKey: string;
  readonly prefix: string;
  readonly findings: Finding[];
  readonly usedBy?: readonly string[];
}

export function renderMarkdown(report: DiffReport): string {
  const lines: string[] = [`# API changes: ${report.new.title} \`${report.old.version}\` → \`${report.new.version}\``, ""];
  const sources = [report.old.source, report.new.source];
  if (sources.every(Boolean)) lines.push(`Compared \`${sources[0]}\` with \`${sources[1]}\`.`, "");
  if (report.findings.length === 0 && report.suppressed.length === 0 && (report.sdk?.changes.length ?? 0) === 0) {
    lines.push("No changes.", "");
    return finish(lines, report);
  }
  const counts = summarize(report);
  lines.push(
    "| error | warning | info | suppressed |",
    "| ---: | ---: | ---: | ---: |",
    `| ${counts.error} | ${counts.warning} | ${counts.info} | ${counts.suppressed} |`,
    "",
    `Profile \`${report.profile}\`. **error**: breaks existing clients · **warning**: may break some · **info**: does not break.`,
    "",
  );
  if (report.sdk) sdkSummary(lines, report.sdk);
  const operations = groups(report.findings.filter((f) => f.operation), (f) => f.operation!, operationSortKey);
  const models = groups(report.findings.filter((f) => !f.operation && f.model), (f) => f.model!, (m) => m);
  const document = report.findings.filter((f) => !f.operation && !f.model);
  section(lines, "Operations", operations);
  section(lines, "Models", models);
  if (document.length > 0) {
    lines.push("## Document", "");
    for (const f of byLevel(document)) lines.push(bullet(f, ""));
    lines.push("");
  }
  if (report.sdk) sdkOnly(lines, report.sdk);
  if (report.suppressed.length > 0) {
    lines.push(`## Suppressed (${report.suppressed.length})`, "", "Reviewed and accepted; not counted toward the gate.", "");
    for (const f of report.suppressed) lines.push(suppressedBullet(f));
    lines.push("");
  }
  return finish(lines, report);
}

function finish(lines: string[], report: DiffReport): string {
  if (report.unusedSuppressions.length > 0) {
    lines.push("## Unused suppressions", "", "These entries matched nothing; remove them if the change is gone.", "");
    for (const s of report.unusedSuppressions) lines.push(`- ${code(s.ruleId)} at ${code(s.location)}: ${escape(s.reason)}`);
    lines.push("");
  }
  // Messages quote the documents (names, paths, enum values): printed on a terminal, and committed.
  return terminalText(`${lines.join("\n").trimEnd()}\n`);
}

function groups(findings: readonly Finding[], name: (f: Finding) => string, sortKey: (name: string) => string): Group[] {
  const map = new Map<string, Group>();
  for (const f of findings) {
    const title = name(f);
    let group = map.get(title);
    if (!group) {
      const prefix = f.operation ? `${title} ` : title;
      map.set(title, (group = { title, sortKey: sortKey(title), prefix, findings: [], ...(f.operations ? { usedBy: f.operations } : {}) }));
    }
    group.findings.push(f);
  }
  const worst = (g: Group) => Math.min(...g.findings.map((f) => LEVEL_RANK[f.level]));
  return [...map.values()].sort((a, b) => worst(a) - worst(b) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

/** One table per section; the group name is shown on its first row only, so rows read as groups. */
function section(lines: string[], title: string, list: readonly Group[]): void {
  if (list.length === 0) return;
  const head = title === "Operations" ? "Operation" : "Model";
  lines.push(`## ${title}`, "", `| ${head} | Level | Rule | Where | Change |`, "| --- | --- | --- | --- | --- |");
  for (const g of list) {
    const usedBy = g.usedBy && g.usedBy.length > 0 ? `<br>used by ${g.usedBy.map((op) => code(op)).join(", ")}` : "";
    byLevel(g.findings).forEach((f, i) => lines.push(row(i === 0 ? `${code(g.title)}${usedBy}` : "", f, g.prefix)));
  }
  lines.push("");
}

const byLevel = (findings: readonly Finding[]) => [...findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);

const LABEL: Record<Level, string> = { error: "**error**", warning: "**warning**", info: "info" };

function relative(location: string, prefix: string): string {
  if (prefix && location.startsWith(prefix)) return location.slice(prefix.length).trim();
  return location === prefix.trim() ? "" : location;
}

function row(group: string, f: Finding, prefix: string): string {
  const where = relative(f.location, prefix);
  const sdk = (f.sdk ?? []).map((line) => `<br>SDK: ${sdkLine(line)}`).join("");
  return `| ${group} | ${LABEL[f.level]} | ${code(f.ruleId)} | ${where ? code(where) : ""} | ${escape(f.message)}${sdk} |`;
}

function bullet(f: Finding, prefix: string): string {
  const where = relative(f.location, prefix);
  return `- ${LABEL[f.level]} ${code(f.ruleId)}${where ? ` ${code(where)}` : ""}: ${escape(f.message)}`;
}

/** The TypeScript-API layer in one paragraph: whose packages, counts by level, where they are shown. */
function sdkSummary(lines: string[], sdk: SdkReport): void {
  const count = (level: Level) => sdk.changes.filter((c) => c.level === level).length;
  const only = sdk.changes.filter((c) => !c.findings).length;
  const packages = sdk.old.name === sdk.new.name ? `${code(sdk.new.name)} ${code(sdk.old.version)} → ${code(sdk.new.version)}` : `${code(`${sdk.old.name}@${sdk.old.version}`)} → ${code(`${sdk.new.name}@${sdk.new.version}`)}`;
  lines.push(
    `TypeScript API of the generated package ${packages}: ${count("error")} error · ${count("warning")} warning · ${count("info")} info, ` +
      `shown as SDK notes under the wire change each comes from${only > 0 ? `; ${only === 1 ? "1 without one is" : `${only} without one are`} listed under *TypeScript API only*` : ""}. ` +
      "SDK levels say whether code using the package still compiles; they do not count toward the gate.",
    "",
  );
}

/** SDK changes that belong to no wire finding, breaking first. */
function sdkOnly(lines: string[], sdk: SdkReport): void {
  const list = sdk.changes.filter((c) => !c.findings).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  if (list.length === 0) return;
  lines.push("## TypeScript API only", "", "Changes of the generated package with no wire change behind them.", "", "| Export | Level | Rule | Change |", "| --- | --- | --- | --- |");
  for (const c of list) lines.push(`| ${code(c.export)} | ${LABEL[c.level]} | ${code(c.ruleId)} | ${escapeOutsideCode(c.message)} |`);
  lines.push("");
}

/** An SDK note: a leading `error:`/`warning:` in bold, code spans kept as code. */
function sdkLine(line: string): string {
  const level = /^(error|warning): /.exec(line);
  const text = escapeOutsideCode(level ? line.slice(level[0].length) : line);
  return level ? `${LABEL[level[1] as Level]}: ${text}` : text;
}

/** Like `escape`, but text inside backticks stays literal (only `|` is escaped there, as GFM tables need). */
function escapeOutsideCode(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? part.replace(/\|/g, "\\|") : escape(part)))
    .join("`");
}

/** A code span that survives a table cell (GFM needs `\|` even inside code). */
const code = (text: string) => `\`${text.replace(/\|/g, "\\|")}\``;

function suppressedBullet(f: SuppressedFinding): string {
  return `- ${f.level} ${code(f.ruleId)} ${code(f.location)}: ${escape(f.message)} — accepted: ${escape(f.reason)}`;
}

/** Keeps spec text from turning into Markdown structure (table cells, emphasis, HTML tags). */
function escape(text: string): string {
  return text.replace(/[<|*_]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}
