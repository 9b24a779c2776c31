/**
 * The command table of a package's CLI (`src/cli/commands.ts`): the command model as a TypeScript
 * literal whose functions call the operation functions, and the imports it needs. The literal is
 * text, laid out by `printLiteral` (see `commandTable`).
 */
import { propertyKey } from "../../ir/naming.ts";
import { ImportBinder, type ImportSpec } from "../shared/import-binder.ts";
import { modules, shapeOf, type PackagePlan } from "../../plan/package-plan.ts";
import { modelTypeText } from "../shared/model-type-text.ts";
import type { AuthRouteModel } from "../../plan/cli/auth-model.ts";
import { cliModules } from "../../plan/cli/cli-layout.ts";
import { Code, printLiteral, type Literal } from "./code-literal.ts";
import type { CallModel, CliModel, CommandModel } from "../../plan/cli/command-model.ts";
import type { FlagSpec } from "../../runtime/cli/program.ts";

/** The command table of `src/cli/commands.ts`: plain data, so it can be built on any thread. */
export interface CommandTable {
  /** What the table's code refers to. */
  readonly imports: ImportSpec[];
  /** The file's doc comment. */
  readonly about: string;
  /** `export const program: Program<Context> = { ... };`, with its line end. */
  readonly text: string;
}

export function commandTable(plan: PackagePlan, model: CliModel): CommandTable {
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
    description: api.description
      ?.trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, " "),
    authFlags: model.authFlags.map(flagLiteral),
    auth: model.auth.map((route) => ({
      uses: [...route.uses],
      endpoint: route.endpoint,
      create: new Code(routeCode(plan, binder, route)),
    })),
    secretNames: [...model.secretNames],
    groups: model.groups.map((g) => ({ path: g.path, summary: g.summary })),
    commands: model.commands.map((command) => commandLiteral(plan, binder, command)),
  };
  const about = `The commands of \`${model.bin}\`: derived from the operations of ${api.title} ${api.apiVersion}${model.commands.some((c) => c.origin === "naming") ? ", plus the commands of the service's naming layer" : ""}.`;
  // The table is one literal, printed by `printLiteral` with its own layout, and appended as text:
  // passing megabytes of it through ts-morph's writer (which scans every character for strings and
  // comments) cost a fifth of a large spec's generation time and changed nothing.
  const text = `export const program: ${programType}<${context}> = ${printLiteral(literal)};\n`;
  return { imports: binder.imports(), about, text };
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

function commandLiteral(plan: PackagePlan, binder: ImportBinder, command: CommandModel): Literal {
  return {
    path: [...command.path],
    summary: command.summary,
    description: command.description,
    deprecated: command.deprecated || undefined,
    confirm: command.confirm,
    binary: command.binary || undefined,
    flags: command.flags.map(flagLiteral),
    calls: command.calls.map((call) => callLiteral(plan, binder, call)),
    examples:
      command.examples.length > 0 ? command.examples.map((e) => ({ title: e.title, command: e.command })) : undefined,
  };
}

function callLiteral(plan: PackagePlan, binder: ImportBinder, call: CallModel): Literal {
  return {
    operation: call.op.name,
    when: call.when.length > 0 ? [...call.when] : undefined,
    bind: call.bind.map((b) => ({
      flag: b.flag,
      to: "param" in b.to ? { param: b.to.param } : { body: [...b.to.body] },
    })),
    bodyRequired: call.bodyRequired || undefined,
    output: call.output,
    dates: call.dates,
    invoke: new Code(invokeCode(plan, binder, call)),
  };
}

/** `(context, args) => op(context, <positional>, <body>, { <optional> })`, each value cast to the parameter's type. */
function invokeCode(plan: PackagePlan, binder: ImportBinder, call: CallModel): string {
  const shape = shapeOf(plan, call.op);
  const fn = binder.value(modules.api(call.op.group), call.op.name);
  const type = (t: Parameters<typeof modelTypeText>[2]): string => modelTypeText(plan, binder, t, "input");
  const param = (name: string) => `args.param(${JSON.stringify(name)})`;
  const args = [
    "context",
    ...shape.positional.map((slot) => `${param(slot.param.tsName)} as ${type(slot.param.type)}`),
  ];
  const body = shape.body?.body;
  const bodyValue = body && `args.body() as ${type(body.type)}${body.required ? "" : " | undefined"}`;
  // With several media types the command sends the default one (the body flags describe its fields).
  const wrapped = body?.alternatives && `{ contentType: ${JSON.stringify(body.mediaType)}, value: body }`;
  if (bodyValue)
    args.push(!wrapped ? bodyValue : body.required ? wrapped : `body === undefined ? undefined : ${wrapped}`);
  if (shape.optional.length > 0) {
    const entries = shape.optional.map(
      (slot) => `${propertyKey(slot.name)}: ${param(slot.param.tsName)} as ${type(slot.param.type)} | undefined`,
    );
    args.push(`{ ${entries.join(", ")} }`);
  }
  if (wrapped) {
    return `(context, args) => {\n  const body = ${bodyValue};\n  return ${fn}(\n${args.map((a) => `    ${a},`).join("\n")}\n  );\n}`;
  }
  const inline = `(context, args) => ${fn}(${args.join(", ")})`;
  return inline.length <= 100
    ? inline
    : `(context, args) =>\n  ${fn}(\n${args.map((a) => `    ${a},`).join("\n")}\n  )`;
}

/** How a route makes the context: the package's context factory, called with the overload that fits. */
function routeCode(plan: PackagePlan, binder: ImportBinder, route: AuthRouteModel): string {
  const factory = binder.value(modules.context, plan.names.client.contextFactory);
  if (route.kind === "connectionString")
    return `(auth, settings) => ${factory}(auth.value("connection-string"), settings)`;
  const endpoint = plan.endpoint;
  const value = (name: string) => `auth.value(${JSON.stringify(name)})`;
  const credential =
    route.kind === "key"
      ? `{ key: ${value(route.uses[0] ?? "")} }`
      : route.kind === "token"
        ? `${binder.value(cliModules.runtime("auth-routes"), "staticTokenCredential")}(${value("access-token")})`
        : route.kind === "basic"
          ? `{ username: ${value("username")}, password: ${value("password")} }`
          : undefined;
  const args = [
    ...(endpoint.required ? [value("endpoint")] : []),
    ...(credential ? [credential] : []),
    endpoint.required ? "settings" : `{ ...settings, endpoint: auth.optional("endpoint") }`,
  ];
  return `(auth, settings) => ${factory}(${args.join(", ")})`;
}
