/** Renders the rule tables as `generator/diff/RULES.md`; a test keeps the committed file in step. */
import { RULES, SDK_RULES } from "../rules/index.ts";
import type { Rule, SdkRule } from "../types.ts";

export function renderRulesDoc(rules: readonly Rule[] = RULES, sdkRules: readonly SdkRule[] = SDK_RULES): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const lines = [
    "# Diff rules",
    "",
    "Generated from `generator/diff/rules/*.ts` by `renderRulesDoc` (`test/diff/rules.test.ts` keeps this file current).",
    "Each rule judges one kind of change in one direction: **request** (the client sends it), **response** (the client receives it)",
    "or **none** (operations, servers). Levels: **error** breaks existing clients, **warning** may break some, **info** does not.",
    "The `azure` profile applies Azure's cross-version severities (shared/reference/diff-rules.md §1.2); `—` means it keeps the default level.",
    "`taxonomy` cites the row of the change taxonomy and says where this rule departs from the mature tools, and why;",
    "`peer` says why a change api-smart-diff calls breaking is not an error here (`—`: no such disagreement; checked by `test/diff/peer-cross-check.test.ts`).",
    "",
    "| id | direction | default | azure | what | why | taxonomy and deviations | peer (api-smart-diff) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rules) {
    const azure = r.azureLevel ? `${r.azureLevel}${r.azureCode ? ` (${r.azureCode})` : ""}` : "—";
    lines.push(
      `| \`${r.id}\` | ${r.direction} | ${r.level} | ${cell(azure)} | ${cell(r.description)} | ${cell(r.why)} | ${cell(r.taxonomy)} | ${cell(r.peer ?? "—")} |`,
    );
  }
  lines.push(
    "",
    "## TypeScript API rules",
    "",
    "Generated from `generator/diff/rules/sdk-*.ts`. The TypeScript-API layer (`sdk/sdk-layer.ts`) compares the exports of the packages generated",
    "from both documents and judges each change by the way the changed thing travels through user code: **input** (user code passes it:",
    "parameters, request models, options) or **output** (user code gets it back: return types, response models); a type used both ways",
    "takes the worse level. Levels: **error** code written against the old package no longer compiles, **warning** it may not (or",
    "compiles and behaves differently), **info** it is unaffected. They do not count toward the `--fail-on` gate.",
    "",
    "| id | input | output | what | why |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const r of sdkRules) {
    const why = typeof r.why === "string" ? r.why : `input: ${r.why.input}; output: ${r.why.output}`;
    lines.push(`| \`${r.id}\` | ${r.level.input} | ${r.level.output} | ${cell(r.description)} | ${cell(why)} |`);
  }
  return `${lines.join("\n")}\n`;
}
