/**
 * The package-files emitter: `package.json`, `tsconfig.json` and `README.md` of a generated package,
 * printed by the Handlebars templates in `templates/package/` from views built in TypeScript.
 * Paths are relative to the package folder, like those of the source emitter.
 */
import type { OutputFile } from "../../output/write-tree.ts";
import { escapeUnsafeCharacters, terminalText } from "../../runtime/cli/terminal-text.ts";
import { cliReadmeView } from "./readme-cli.ts";
import type { PackagePlan } from "../../plan/package-plan.ts";
import { COMMONJS_DIR, COMMONJS_TSCONFIG, packageJsonView, tsconfigView } from "./package-view.ts";
import { readmeView } from "./readme-view.ts";
import { scaffoldTemplates } from "./scaffold-templates.ts";

/**
 * The package's command line gets a `bin`, its build and a README section; its convenience layer,
 * when it has one, a README section, and the examples use its class.
 */
export function emitScaffold(plan: PackagePlan): OutputFile[] {
  const templates = scaffoldTemplates();
  const readme = { ...readmeView(plan), cli: cliReadmeView(plan.api, plan.cli) };
  return [
    { path: "README.md", content: tidyMarkdown(templates.readme(readme)) },
    { path: "package.json", content: checkedJson("package.json", templates.packageJson(packageJsonView(plan))) },
    { path: "tsconfig.json", content: checkedJson("tsconfig.json", templates.tsconfigJson(tsconfigView(true))) },
    tsconfigCommonJs(),
  ];
}

/**
 * The CommonJS build, beside the ES module one (as the Azure SDK's packages ship): CommonJS
 * consumers (`module: Node16` without `"type": "module"`) then `require` the package, types
 * included, instead of failing with TS1479. The library's settings, CommonJS output in `dist/commonjs`;
 * `noCheck`, as the ES module build just type-checked the same sources (a second check would
 * double the build's time for nothing).
 */
function tsconfigCommonJs(): OutputFile {
  const config = {
    extends: "./tsconfig.json",
    compilerOptions: { module: "CommonJS", moduleResolution: "Node10", outDir: COMMONJS_DIR, noCheck: true },
  };
  return { path: COMMONJS_TSCONFIG, content: `${JSON.stringify(config, null, 2)}\n` };
}

/** A JSON template that prints invalid JSON is a bug in specsmith: fail before anything is written. */
function checkedJson(name: string, text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(`internal: the ${name} template printed invalid JSON: ${(error as Error).message}`);
  }
  return endWithNewline(escapeUnsafeCharacters(text));
}

/**
 * Optional sections leave runs of blank lines behind; Markdown needs at most one. Spec text is
 * read in terminals (`cat README.md`) and renders raw in editors: no escape sequences or controls.
 */
function tidyMarkdown(text: string): string {
  return endWithNewline(terminalText(text).replace(/\n{3,}/g, "\n\n"));
}

function endWithNewline(text: string): string {
  return `${text.trimEnd()}\n`;
}
