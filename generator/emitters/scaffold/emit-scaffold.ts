/**
 * The package-files emitter: `package.json`, `tsconfig.json` and `README.md` of a generated package,
 * printed by the Handlebars templates in `templates/package/` from views built in TypeScript.
 * Paths are relative to the package folder, like those of the source emitter.
 */
import type { ApiIR } from "../../ir/types.ts";
import type { OutputFile } from "../../output/write-tree.ts";
import type { PackageInfo } from "../package-info.ts";
import { packageJsonView, tsconfigView } from "./package-view.ts";
import { readmeView } from "./readme-view.ts";
import { scaffoldTemplates } from "./scaffold-templates.ts";

export function emitScaffold(api: ApiIR, pkg: PackageInfo): OutputFile[] {
  const templates = scaffoldTemplates();
  return [
    { path: "README.md", content: tidyMarkdown(templates.readme(readmeView(api, pkg))) },
    { path: "package.json", content: checkedJson("package.json", templates.packageJson(packageJsonView(api, pkg))) },
    { path: "tsconfig.json", content: checkedJson("tsconfig.json", templates.tsconfigJson(tsconfigView())) },
  ];
}

/** A JSON template that prints invalid JSON is a bug in specsmith: fail before anything is written. */
function checkedJson(name: string, text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(`internal: the ${name} template printed invalid JSON: ${(error as Error).message}`);
  }
  return endWithNewline(text);
}

/** Optional sections leave runs of blank lines behind; Markdown needs at most one. */
function tidyMarkdown(text: string): string {
  return endWithNewline(text.replace(/\n{3,}/g, "\n\n"));
}

function endWithNewline(text: string): string {
  return `${text.trimEnd()}\n`;
}
