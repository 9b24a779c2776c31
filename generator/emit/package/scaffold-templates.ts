/**
 * The one Handlebars environment of specsmith and the package templates in `templates/package/`,
 * compiled once, on first use. Templates only print: every value they show is computed and sorted
 * in TypeScript first (`package-view.ts`, `readme-view.ts`).
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";

const TEMPLATE_DIR = new URL("../../../templates/package/", import.meta.url);

/**
 * `noEscape`: the output is JSON and Markdown, not HTML, so nothing is HTML-escaped.
 * `strict`: a template naming a field the view does not have is a bug and throws, instead of
 * printing an empty string into a published file.
 */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

type Render = (view: object) => string;

export interface ScaffoldTemplates {
  readonly packageJson: Render;
  readonly tsconfigJson: Render;
  readonly readme: Render;
}

let compiled: ScaffoldTemplates | undefined;

/** The compiled templates; the first call reads and compiles them, later calls reuse them. */
export function scaffoldTemplates(): ScaffoldTemplates {
  compiled ??= compileAll();
  return compiled;
}

function compileAll(): ScaffoldTemplates {
  const env = Handlebars.create();
  // The only helper: JSON-encodes a value for the JSON templates (strings get quotes and escapes).
  // Strict mode does not cover helper arguments, so the helper itself refuses a missing value.
  env.registerHelper("json", (value: unknown) => {
    if (value === undefined) throw new Error("internal: a JSON template printed a value its view does not have");
    return JSON.stringify(value);
  });
  const compile = (file: string): Render => {
    const template = env.compile<object>(readFileSync(new URL(file, TEMPLATE_DIR), "utf8"), COMPILE_OPTIONS);
    return (view) => template(view);
  };
  return {
    packageJson: compile("package.json.hbs"),
    tsconfigJson: compile("tsconfig.json.hbs"),
    readme: compile("README.md.hbs"),
  };
}
