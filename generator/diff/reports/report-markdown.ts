/**
 * The report as a pull-request comment, read in a minute: the suggested version bump and counts,
 * a "Breaking" section (errors, then warnings, each with `file:line:col`), then one collapsible
 * group per operation and per model (counts in its summary; repeated info rows collapsed to one
 * with a count; long operation lists cut to their first few), rename hints, document-level
 * changes, SDK-only changes, and suppressed findings apart.
 */
import { terminalText } from "../../runtime/cli/terminal-text.ts";
import { operationSortKey } from "../engine/findings.ts";
import { code, escape, escapeOutsideCode, firstFew, html, LABEL } from "./markdown-text.ts";
import { LEVEL_RANK } from "../profiles.ts";
import { breakingFindings, positionText, shownAt, suggestBump, whatChanged } from "./report-facts.ts";
import { summarize } from "./report-json.ts";
import type { DiffReport, Finding, Level, RuleId, SdkNote, SdkReport, SuppressedFinding } from "../types.ts";

interface Group {
  readonly title: string;
  readonly sortKey: string;
  readonly prefix: string;
  readonly findings: Finding[];
  readonly usedBy?: readonly string[];
}

export function renderMarkdown(report: DiffReport): string {
  const lines: string[] = [
    `# API changes: ${report.new.title} \`${report.old.version}\` → \`${report.new.version}\``,
    "",
  ];
  const sources = [report.old.source, report.new.source];
  if (sources.every(Boolean)) lines.push(`Compared \`${sources[0]}\` with \`${sources[1]}\`.`, "");
  if (report.findings.length === 0 && report.suppressed.length === 0 && (report.sdk?.changes.length ?? 0) === 0) {
    lines.push("No changes.", "");
    return finish(lines, report);
  }
  bump(lines, report);
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
  breaking(lines, report);
  const operations = groups(
    report.findings.filter((f) => f.operation),
    (f) => f.operation!,
    operationSortKey,
  );
  const models = groups(
    report.findings.filter((f) => !f.operation && f.model),
    (f) => f.model!,
    (m) => m,
  );
  const document = report.findings.filter((f) => !f.operation && !f.model);
  section(lines, "Operations", operations, report);
  section(lines, "Models", models, report);
  renames(lines, report);
  if (document.length > 0) {
    lines.push("## Document", "");
    for (const f of byLevel(document)) lines.push(bullet(f));
    lines.push("");
  }
  if (report.sdk) sdkOnly(lines, report.sdk);
  if (report.suppressed.length > 0) {
    lines.push(
      `## Suppressed (${report.suppressed.length})`,
      "",
      "Reviewed and accepted; not counted toward the gate.",
      "",
    );
    for (const f of report.suppressed) lines.push(suppressedBullet(f));
    lines.push("");
  }
  return finish(lines, report);
}

function finish(lines: string[], report: DiffReport): string {
  if (report.unusedSuppressions.length > 0) {
    lines.push("## Unused suppressions", "", "These entries matched nothing; remove them if the change is gone.", "");
    for (const s of report.unusedSuppressions)
      lines.push(`- ${code(s.ruleId)} at ${code(s.location)}: ${escape(s.reason)}`);
    lines.push("");
  }
  // Messages quote the documents (names, paths, enum values): printed on a terminal, and committed.
  return terminalText(`${lines.join("\n").trimEnd()}\n`);
}

/** The suggested semver bump, with what decided it (and what 0.x means). */
function bump(lines: string[], report: DiffReport): void {
  const s = suggestBump(report);
  const next = s.next ? ` (\`${report.old.version}\` → \`${s.next}\`)` : "";
  const zero = s.initialDevelopment
    ? " The API is 0.x: semver promises nothing before 1.0.0, and by convention a breaking change bumps the minor version."
    : "";
  lines.push(`**Suggested version bump: ${s.bump}**${next}: ${s.reason}.${zero}`, "");
}

/** Everything that breaks or may break, errors first, with where it is. */
function breaking(lines: string[], report: DiffReport): void {
  const list = breakingFindings(report);
  if (list.length === 0) return;
  lines.push(`## Breaking (${list.length})`, "", "| Level | Rule | Where | Change |", "| --- | --- | --- | --- |");
  for (const f of list)
    lines.push(`| ${LABEL[f.level]} | ${code(f.ruleId)} | ${where(f.location, f)} | ${escape(f.message)} |`);
  lines.push("");
}

function groups(
  findings: readonly Finding[],
  name: (f: Finding) => string,
  sortKey: (name: string) => string,
): Group[] {
  const map = new Map<string, Group>();
  for (const f of findings) {
    const title = name(f);
    let group = map.get(title);
    if (!group) {
      const prefix = f.operation ? `${title} ` : title;
      map.set(
        title,
        (group = {
          title,
          sortKey: sortKey(title),
          prefix,
          findings: [],
          ...(f.operations ? { usedBy: f.operations } : {}),
        }),
      );
    }
    group.findings.push(f);
  }
  const worst = (g: Group) => Math.min(...g.findings.map((f) => LEVEL_RANK[f.level]));
  return [...map.values()].sort(
    (a, b) => worst(a) - worst(b) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
  );
}

/** "1 error · 2 info": a group's counts, for its summary line. */
function countsText(findings: readonly Finding[]): string {
  const levels: Level[] = ["error", "warning", "info"];
  return levels
    .map((level) => [level, findings.filter((f) => f.level === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(" · ");
}

/**
 * One collapsible group per operation or model: counts in the summary, the rows inside. Operations
 * that are only added share one group (a preview version may add dozens).
 */
function section(lines: string[], title: string, list: readonly Group[], report: DiffReport): void {
  if (list.length === 0) return;
  lines.push(`## ${title} (${list.length})`, "");
  const onlyAdded = (g: Group) => g.findings.length === 1 && g.findings[0]!.ruleId === "operation-added";
  const added = list.filter(onlyAdded);
  const alone = added.length > 1 ? list.filter((g) => !onlyAdded(g)) : list;
  for (const g of alone) {
    lines.push(`<details><summary><code>${html(g.title)}</code>: ${countsText(g.findings)}</summary>`, "");
    if (g.usedBy && g.usedBy.length > 0) lines.push(`Used by ${firstFew(g.usedBy)}.`, "");
    lines.push("| Level | Rule | Where | Change |", "| --- | --- | --- | --- |");
    for (const row of rows(g, report)) lines.push(row);
    lines.push("", "</details>", "");
  }
  if (alone.length === list.length) return;
  lines.push(
    `<details><summary>${added.length} operations added (info)</summary>`,
    "",
    "| Operation | Where | Change |",
    "| --- | --- | --- |",
  );
  for (const g of added) {
    const f = g.findings[0]!;
    const sdk = notesOf(f).map(sdkLine).join("<br>");
    lines.push(`| ${code(g.title)} | ${where("", f)} | ${sdk || escape(whatChanged(f))} |`);
  }
  lines.push("", "</details>", "");
}

/** A group's rows, breaking first; info rows of one rule with nothing breaking in the SDK collapse into one. */
function rows(g: Group, report: DiffReport): string[] {
  const out: string[] = [];
  const collapsible = (f: Finding) => f.level === "info" && !notesOf(f).some((note) => note.level !== "info");
  const byRule = new Map<RuleId, Finding[]>();
  for (const f of g.findings) if (collapsible(f)) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const done = new Set<RuleId>();
  for (const f of byLevel(g.findings)) {
    const same = byRule.get(f.ruleId);
    if (!collapsible(f) || !same || same.length < 2) {
      out.push(row(f, g.prefix, report));
      continue;
    }
    if (done.has(f.ruleId)) continue;
    done.add(f.ruleId);
    const places = same.map((s) => relative(s.location, g.prefix) || s.location);
    const alike = same.every((s) => s.message === f.message);
    const message = alike ? escape(f.message) : `${escape(f.message)} (and ${same.length - 1} alike)`;
    const sdk = same
      .flatMap(notesOf)
      .map((note) => `<br>SDK: ${sdkLine(note)}`)
      .join("");
    out.push(`| info ×${same.length} | ${code(f.ruleId)} | ${firstFew(places)} | ${message}${sdk} |`);
  }
  return out;
}

const byLevel = (findings: readonly Finding[]) =>
  [...findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);

function relative(location: string, prefix: string): string {
  if (prefix && location.startsWith(prefix)) return location.slice(prefix.length).trim();
  return location === prefix.trim() ? "" : location;
}

/** The place in words, then `file:line:col` where the finding is shown. */
function where(place: string, f: Finding): string {
  const at = shownAt(f);
  const position = at ? code(positionText(at)) : "";
  return [place ? code(place) : "", position].filter(Boolean).join("<br>");
}

function row(f: Finding, prefix: string, report: DiffReport): string {
  const sdk = notesOf(f)
    .map((note) => `<br>SDK: ${sdkLine(note)}`)
    .join("");
  const none = report.sdk && !sdk && !touchesSdk(f, report.sdk) ? "<br>SDK: no TypeScript impact" : "";
  return `| ${LABEL[f.level]} | ${code(f.ruleId)} | ${where(relative(f.location, prefix), f)} | ${escape(f.message)}${sdk}${none} |`;
}

/**
 * Whether the generated package changes with this finding though no SDK note is tied to it: an SDK
 * change goes to one finding only, so `Order.buyerName` may carry the `OrderInput.buyerName` one.
 */
function touchesSdk(f: Finding, sdk: SdkReport): boolean {
  if (!f.model) return false;
  // The model's property the finding is in (`Order.buyerName...`); bracketed names and others: any member.
  const first = f.facts?.steps[0];
  const member = first?.startsWith(".") ? first.slice(1) : undefined;
  return sdk.changes.some(
    (c) => (c.export === f.model || c.export === `${f.model}Input`) && (member === undefined || c.member === member),
  );
}

function bullet(f: Finding): string {
  const at = shownAt(f);
  return `- ${LABEL[f.level]} ${code(f.ruleId)} ${code(f.location)}${at ? ` (${code(positionText(at))})` : ""}: ${escape(f.message)}`;
}

/** Rename hints: a property removed and one of the same type added in one model. */
function renames(lines: string[], report: DiffReport): void {
  if (!report.renames || report.renames.length === 0) return;
  lines.push(
    "## Possible renames",
    "",
    "A property removed and one of the same type added in the same model: if it is a rename, clients see it as both.",
    "",
  );
  for (const r of report.renames)
    lines.push(`- ${code(`${r.model}.${r.from}`)} → ${code(`${r.model}.${r.to}`)} (${code(r.type)})`);
  lines.push("");
}

/** The TypeScript-API layer in one paragraph: whose packages, counts by level, where they are shown. */
function sdkSummary(lines: string[], sdk: SdkReport): void {
  const count = (level: Level) => sdk.changes.filter((c) => c.level === level).length;
  const only = sdk.changes.filter((c) => !c.findings).length;
  const packages =
    sdk.old.name === sdk.new.name
      ? `${code(sdk.new.name)} ${code(sdk.old.version)} → ${code(sdk.new.version)}`
      : `${code(`${sdk.old.name}@${sdk.old.version}`)} → ${code(`${sdk.new.name}@${sdk.new.version}`)}`;
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
  lines.push(
    "## TypeScript API only",
    "",
    "Changes of the generated package with no wire change behind them.",
    "",
    "| Export | Level | Rule | Change |",
    "| --- | --- | --- | --- |",
  );
  for (const c of list)
    lines.push(`| ${code(c.export)} | ${LABEL[c.level]} | ${code(c.ruleId)} | ${escapeOutsideCode(c.message)} |`);
  lines.push("");
}

/** A finding's SDK notes: as the SDK layer tied them, or its `sdk` lines as they are (a finding built by hand). */
const notesOf = (f: Finding): readonly SdkNote[] =>
  f.facts?.notes ?? (f.sdk ?? []).map((text) => ({ level: "info", text }));

/** An SDK note: a breaking one's level in bold, code spans kept as code. */
function sdkLine(note: SdkNote): string {
  const text = escapeOutsideCode(note.text);
  return note.level === "info" ? text : `${LABEL[note.level]}: ${text}`;
}

function suppressedBullet(f: SuppressedFinding): string {
  return `- ${f.level} ${code(f.ruleId)} ${code(f.location)}: ${escape(f.message)} — accepted: ${escape(f.reason)}`;
}
