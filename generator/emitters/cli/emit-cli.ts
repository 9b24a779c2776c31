/**
 * The CLI emitter: a package's command-line program, from the IR and the service's naming layer.
 *
 *   src/cli/commands.ts  the command table (`Program`): data plus the calls of the operation functions
 *   src/cli/main.ts      the `bin` entry (`#!/usr/bin/env node`)
 *   src/cli/runtime/*    the interpreter of the table, copied from `./runtime/` (same for every package)
 *   tsconfig.cli.json    type-checks the CLI with Node's types (the library's tsconfig keeps DOM-only types)
 *
 * The library entry never imports `src/cli/`: the package's build bundles `main.ts` (with `jmespath`)
 * into `dist/cli.js` with esbuild, so library users get no CLI code and no dependency.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { WriterFunction } from "ts-morph";
import type { Diagnostic } from "../../diagnostics.ts";
import { propertyKey } from "../../ir/naming.ts";
import type { ApiIR } from "../../ir/types.ts";
import type { OutputFile } from "../../output/write-tree.ts";
import { endpointPlan } from "../credentials.ts";
import { ImportBinder } from "../import-binder.ts";
import { writeDocComment } from "../jsdoc.ts";
import { operationShape } from "../operation-shape.ts";
import type { PackageInfo } from "../package-info.ts";
import { modelTypeText, modules, planSources, type SourcePlan } from "../source-plan.ts";
import { printSourceFile } from "../source-printer.ts";
import type { AuthRouteModel } from "./auth-model.ts";
import { Code, printLiteral, type Literal } from "./code-literal.ts";
import { buildCliModel, type CallModel, type CliModel, type CommandModel } from "./command-model.ts";
import type { CliNaming } from "./naming-file.ts";
import type { FlagSpec } from "./runtime/program.ts";

export interface CliBuild {
  readonly files: OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly model: CliModel;
}

export const cliModules = {
  main: "src/cli/main.ts",
  commands: "src/cli/commands.ts",
  runtime: (name: string): string => `src/cli/runtime/${name}.ts`,
} as const;

/** Where the bundled program lands, and the command that builds it. */
export const CLI_BUNDLE = "dist/cli.js";
export const CLI_BUILD_STEPS = [
  "tsc -p tsconfig.cli.json",
  `esbuild ${cliModules.main} --bundle --platform=node --format=esm --target=node20 --log-level=warning --outfile=${CLI_BUNDLE}`,
];
/** What the package's build needs besides TypeScript; none of it is a runtime dependency. */
export const CLI_DEV_DEPENDENCIES: readonly (readonly [string, string])[] = [
  ["@types/jmespath", "^0.15.0"],
  ["@types/node", "^24.0.0"],
  ["esbuild", "^0.28.0"],
  ["jmespath", "^0.16.0"],
];

export function emitCli(api: ApiIR, pkg: PackageInfo, naming: CliNaming | undefined): CliBuild {
  const model = buildCliModel(api, pkg, naming);
  const plan = planSources(api, pkg);
  const files = [...copyCliRuntime(pkg), commandsFile(plan, model.value), mainFile(pkg), tsconfigCli()];
  return { files, diagnostics: model.diagnostics, model: model.value };
}

const runtimeFolder = new URL("./runtime/", import.meta.url);
let runtimeTexts: [string, string][] | undefined;
const relativeImport = /(\bfrom\s+)(["'])\.\/([A-Za-z0-9_.-]+)\.ts\2/g;

/** The interpreter, read once per process; `./x.ts` imports become `./x.js` for NodeNext. */
function copyCliRuntime(pkg: PackageInfo): OutputFile[] {
  runtimeTexts ??= readdirSync(runtimeFolder)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => [name.slice(0, -3), readFileSync(new URL(name, runtimeFolder), "utf8")]);
  return runtimeTexts.map(([name, text]) => ({
    path: cliModules.runtime(name),
    content: `${pkg.header}\n${text.replace(relativeImport, "$1$2./$3.js$2")}`,
  }));
}

function mainFile(pkg: PackageInfo): OutputFile {
  const binder = new ImportBinder(cliModules.main);
  const program = binder.value(cliModules.commands, "program");
  const run = binder.value(cliModules.runtime("run-program"), "runProgram");
  const io = binder.value(cliModules.runtime("node-io"), "nodeIo");
  const file = printSourceFile(pkg, cliModules.main, binder.imports(), [
    (writer) => {
      writer.writeLine(`process.exitCode = await ${run}(${program}, process.argv.slice(2), ${io}());`);
    },
  ]);
  // The shebang must be the file's first line; esbuild keeps it in the bundle.
  return { ...file, content: `#!/usr/bin/env node\n${file.content}` };
}

/**
 * Fixed text like the library's own tsconfig, but written here rather than from a template: it
 * exists only because of the CLI. It extends the library's settings and adds Node's types.
 */
function tsconfigCli(): OutputFile {
  const config = { extends: "./tsconfig.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["src"], exclude: [] };
  return { path: "tsconfig.cli.json", content: `${JSON.stringify(config, null, 2)}\n` };
}

function commandsFile(plan: SourcePlan, model: CliModel): OutputFile {
  const binder = new ImportBinder(cliModules.commands, ["program"]);
  const context = binder.type(modules.context, plan.names.client.context);
  const programType = binder.type(cliModules.runtime("program"), "Program");
  const { api, pkg } = plan;
  const literal: Literal = {
    bin: model.bin,
    title: api.title,
    packageName: pkg.name,
    version: pkg.version,
    apiVersion: api.apiVersion,
    preview: model.preview,
    description: api.description?.trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, " "),
    authFlags: model.authFlags.map(flagLiteral),
    auth: model.auth.map((route) => ({ uses: [...route.uses], endpoint: route.endpoint, create: new Code(routeCode(plan, binder, route)) })),
    secretNames: [...model.secretNames],
    groups: model.groups.map((g) => ({ path: g.path, summary: g.summary })),
    commands: model.commands.map((command) => commandLiteral(plan, binder, command)),
  };
  const about = `The commands of \`${model.bin}\`: derived from the operations of ${api.title} ${api.apiVersion}${model.commands.some((c) => c.origin === "naming") ? ", plus the commands of the service's naming layer" : ""}.`;
  // The table is one literal, printed by `printLiteral` with its own layout, and appended as text:
  // passing megabytes of it through ts-morph's writer (which scans every character for strings and
  // comments) cost a fifth of a large spec's generation time and changed nothing.
  const docs: WriterFunction = (writer) => writeDocComment(writer, about);
  const head = printSourceFile(pkg, cliModules.commands, binder.imports(), [docs]);
  const table = `export const program: ${programType}<${context}> = ${printLiteral(literal)};\n`;
  return { path: head.path, content: head.content + table };
}

function flagLiteral(flag: FlagSpec): Literal {
  return {
    name: flag.name,
    aliases: flag.aliases ? [...flag.aliases] : undefined,
    help: flag.help,
    type: flag.type as unknown as Literal,
    required: flag.required,
    default: flag.default as Literal,
    sendDefault: flag.sendDefault,
    env: flag.env,
  };
}

function commandLiteral(plan: SourcePlan, binder: ImportBinder, command: CommandModel): Literal {
  return {
    path: [...command.path],
    summary: command.summary,
    description: command.description,
    deprecated: command.deprecated || undefined,
    confirm: command.confirm,
    flags: command.flags.map(flagLiteral),
    calls: command.calls.map((call) => callLiteral(plan, binder, call)),
    examples: command.examples.length > 0 ? command.examples.map((e) => ({ title: e.title, command: e.command })) : undefined,
  };
}

function callLiteral(plan: SourcePlan, binder: ImportBinder, call: CallModel): Literal {
  return {
    operation: call.op.name,
    when: call.when.length > 0 ? [...call.when] : undefined,
    bind: call.bind.map((b) => ({ flag: b.flag, to: "param" in b.to ? { param: b.to.param } : { body: [...b.to.body] } })),
    bodyRequired: call.bodyRequired || undefined,
    output: call.output,
    invoke: new Code(invokeCode(plan, binder, call)),
  };
}

/** `(context, args) => op(context, <positional>, <body>, { <optional> })`, each value cast to the parameter's type. */
function invokeCode(plan: SourcePlan, binder: ImportBinder, call: CallModel): string {
  const shape = operationShape(call.op);
  const fn = binder.value(modules.api(call.op.group), call.op.name);
  const type = (t: Parameters<typeof modelTypeText>[2]): string => modelTypeText(plan, binder, t, "input");
  const param = (name: string) => `args.param(${JSON.stringify(name)})`;
  const args = ["context", ...shape.positional.map((slot) => `${param(slot.param.tsName)} as ${type(slot.param.type)}`)];
  if (shape.body) args.push(`args.body() as ${type(shape.body.body.type)}${shape.body.body.required ? "" : " | undefined"}`);
  if (shape.optional.length > 0) {
    const entries = shape.optional.map((slot) => `${propertyKey(slot.name)}: ${param(slot.param.tsName)} as ${type(slot.param.type)} | undefined`);
    args.push(`{ ${entries.join(", ")} }`);
  }
  const inline = `(context, args) => ${fn}(${args.join(", ")})`;
  return inline.length <= 100 ? inline : `(context, args) =>\n  ${fn}(\n${args.map((a) => `    ${a},`).join("\n")}\n  )`;
}

/** How a route makes the context: the package's context factory, called with the overload that fits. */
function routeCode(plan: SourcePlan, binder: ImportBinder, route: AuthRouteModel): string {
  const factory = binder.value(modules.context, plan.names.client.contextFactory);
  if (route.kind === "connectionString") return `(auth, settings) => ${factory}(auth.value("connection-string"), settings)`;
  const endpoint = endpointPlan(plan.api);
  const value = (name: string) => `auth.value(${JSON.stringify(name)})`;
  const credential =
    route.kind === "key" ? `{ key: ${value(route.uses[0] ?? "")} }`
    : route.kind === "token" ? `${binder.value(cliModules.runtime("auth-routes"), "staticTokenCredential")}(${value("access-token")})`
    : route.kind === "basic" ? `{ username: ${value("username")}, password: ${value("password")} }`
    : undefined;
  const args = [
    ...(endpoint.required ? [value("endpoint")] : []),
    ...(credential ? [credential] : []),
    endpoint.required ? "settings" : `{ ...settings, endpoint: auth.optional("endpoint") }`,
  ];
  return `(auth, settings) => ${factory}(${args.join(", ")})`;
}
