/**
 * The command model of one package's CLI, from the IR and (when the service has one) its naming
 * layer. Every operation gets a command derived from the spec (`<tag> <operation>`, kebab-case,
 * one flag per parameter and top-level body property, `--body` for the whole body); the naming
 * layer adds commands named the way a known CLI names them, each mapped onto one or more calls.
 * Pure: problems with the naming layer come back as diagnostics located in its file.
 */
import { search } from "jmespath";
import { DiagnosticCollector } from "../../diagnostics/collector.ts";
import type { Diagnosed } from "../../diagnostics/diagnostics.ts";
import { compareStrings, kebabCase } from "../../ir/naming.ts";
import type { ApiIR, JsonValue, OperationIR, ParameterIR, TypeIR } from "../../ir/types.ts";
import type { ApiPlan } from "../package-plan.ts";
import { authModel, type AuthRouteModel } from "./auth-model.ts";
import { TypeLookup } from "./flag-types.ts";
import type { CliNaming, DateStyle, NamedCall, NamedCommand } from "./naming-file.ts";
import {
  commandExtraFlags,
  globalFlags,
  RESERVED_FLAG_NAMES,
  RESERVED_FLAG_PREFIX,
} from "../../runtime/cli/global-options.ts";
import type { Binding, BindingTarget, CommandSpec, FlagSpec, ValueType } from "../../runtime/cli/program.ts";
import { specSecretNames } from "./spec-secret-names.ts";

export interface CliModel {
  readonly bin: string;
  readonly preview: boolean;
  readonly authFlags: readonly FlagSpec[];
  readonly auth: readonly AuthRouteModel[];
  readonly secretNames: readonly string[];
  readonly groups: readonly { readonly path: string; readonly summary: string }[];
  /** Named commands first (in the naming file's order), then the derived ones by path. */
  readonly commands: readonly CommandModel[];
}

export interface CommandModel {
  readonly path: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly confirm?: string;
  /** A call can answer with bytes: the command takes `--output-file`. */
  readonly binary?: boolean;
  readonly flags: readonly FlagSpec[];
  readonly calls: readonly CallModel[];
  readonly examples: readonly { readonly title: string; readonly command: string }[];
  /** `naming`: from the naming layer; `spec`: derived from one operation. */
  readonly origin: "naming" | "spec";
}

export interface CallModel {
  readonly op: OperationIR;
  readonly when: readonly string[];
  readonly bind: readonly Binding[];
  readonly bodyRequired: boolean;
  readonly output?: string;
  readonly dates?: DateStyle;
}

export function buildCliModel(plan: ApiPlan, naming: CliNaming | undefined): Diagnosed<CliModel> {
  const { api, pkg } = plan;
  const found = new DiagnosticCollector();
  const diagnostics = found.diagnostics;
  const lookup = new TypeLookup(api.types);
  const auth = authModel(plan.auth, plan.endpoint, naming?.environment ?? new Map());
  const report = (pointer: string, message: string) => {
    if (naming) found.report("cli-naming-mismatch", { problem: message }, naming.locate(pointer));
  };
  for (const flag of naming?.environment.keys() ?? []) {
    if (!auth.flags.some((f) => f.name === flag)) {
      report(
        `/environment/${flag}`,
        `"${flag}" is not a credential or endpoint flag of ${api.title} ${api.apiVersion} (it has: ${auth.flags.map((f) => f.name).join(", ")})`,
      );
    }
  }
  const reserved = new Set([...RESERVED_FLAG_NAMES, ...auth.flags.map((f) => f.name)]);
  const named = (naming?.commands ?? []).flatMap(
    (command) => namedCommand(api, lookup, command, reserved, report) ?? [],
  );
  const derived = api.operations.map((op) => derivedCommand(lookup, op, reserved));
  const clashes = (a: readonly string[], b: readonly string[]) =>
    a.slice(0, b.length).every((w, i) => w === b[i]) || b.slice(0, a.length).every((w, i) => w === a[i]);
  // A derived name without its group's words can meet another operation's: that one then keeps
  // the whole operation name, which is unique, so no operation loses its command.
  const pathCounts = new Map<string, number>();
  for (const command of derived)
    pathCounts.set(command.path.join(" "), (pathCounts.get(command.path.join(" ")) ?? 0) + 1);
  const spelled = derived.map((command) => {
    const whole = kebabCase(command.calls[0]?.op.name ?? "");
    const shortened = command.path[1] !== whole;
    return shortened && (pathCounts.get(command.path.join(" ")) ?? 0) > 1
      ? { ...command, path: [command.path[0] ?? "", whole] }
      : command;
  });
  // Every path taken so far, and every group those paths open: a command clashes when its path is
  // either, or when one of its own groups is a command.
  const taken = new Set<string>();
  const groupsOpened = new Set<string>();
  const take = (command: CommandModel) => {
    commands.push(command);
    taken.add(command.path.join(" "));
    for (let i = 1; i < command.path.length; i++) groupsOpened.add(command.path.slice(0, i).join(" "));
  };
  const clashesWithTaken = (path: readonly string[]) =>
    taken.has(path.join(" ")) ||
    groupsOpened.has(path.join(" ")) ||
    path.some((_, i) => i > 0 && taken.has(path.slice(0, i).join(" ")));
  const commands: CommandModel[] = [];
  for (const command of named) take(command);
  for (const command of spelled.sort((a, b) => compareStrings(a.path.join(" "), b.path.join(" ")))) {
    if (!clashesWithTaken(command.path)) {
      take(command);
      continue;
    }
    const clash = commands.find((c) => clashes(c.path, command.path));
    if (clash?.origin === "naming")
      report(
        `/commands/${clash.path.join(" ")}`,
        `"${clash.path.join(" ")}" clashes with the command "${command.path.join(" ")}" derived from ${command.calls[0]?.op.name ?? "an operation"}`,
      );
  }
  for (const [i, command] of named.entries()) {
    const other = named.slice(0, i).find((c) => clashes(c.path, command.path));
    if (other)
      report(
        `/commands/${command.path.join(" ")}`,
        `"${command.path.join(" ")}" and "${other.path.join(" ")}" cannot both exist: one would be a group of the other`,
      );
  }
  const groups = (naming?.groups ?? []).filter((group) => {
    const words = group.path.split(" ");
    const exists = commands.some((c) => c.path.length > words.length && words.every((w, i) => c.path[i] === w));
    if (!exists) report(`/groups/${group.path}`, `no command is in the group "${group.path}"`);
    return exists;
  });
  const apiKeyNames = api.auth.flatMap((a) => (a.kind === "apiKey" ? [a.name] : []));
  const secretNames = [...new Set([...(naming?.secretNames ?? []), ...apiKeyNames, ...specSecretNames(api)])];
  return {
    value: {
      bin: naming?.bin ?? pkg.service,
      preview: /preview/i.test(api.apiVersion),
      authFlags: auth.flags,
      auth: auth.routes,
      secretNames,
      groups,
      commands,
    },
    diagnostics,
  };
}

/** Claims flag names: a taken or reserved name gets the prefix (`body-id`), then a number. */
class FlagScope {
  readonly #taken: Set<string>;
  constructor(reserved: Iterable<string>) {
    this.#taken = new Set(reserved);
  }
  claim(base: string, prefix = ""): string {
    const free = (name: string) => !this.#taken.has(name) && !name.startsWith(RESERVED_FLAG_PREFIX);
    let name = base || "value";
    if (!free(name) && prefix && free(`${prefix}${name}`)) name = `${prefix}${name}`;
    for (let n = 2; !free(name); n++) name = `${base}-${n}`;
    this.#taken.add(name);
    return name;
  }
}

function firstSentence(text: string): string {
  const line =
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, " ") ?? "";
  return /^.*?[.!?](?=\s|$)/.exec(line)?.[0] ?? line;
}

/** `sendDefault`: the default is sent when the flag is not given, because what it fills is required. */
function flagSpec(
  name: string,
  help: string,
  type: ValueType,
  required: boolean,
  fallback: JsonValue | undefined,
  sendDefault = required,
): FlagSpec {
  return {
    name,
    help: help.replace(/\s+/g, " ").trim(),
    type,
    // A required value with a default is sent anyway: the user need not give the flag.
    ...(required && (fallback === undefined || !sendDefault) ? { required: true } : {}),
    ...(fallback !== undefined ? { default: fallback, ...(sendDefault ? { sendDefault: true } : {}) } : {}),
  };
}

/** The flag type of the whole body: by its encoding, JSON for anything that is not a scalar. */
function bodyType(lookup: TypeLookup, op: OperationIR): ValueType {
  const body = op.body;
  if (!body || body.encoding === "text") return { kind: "text" };
  if (body.encoding === "binary") return { kind: "bytes" };
  const type = lookup.valueType(body.type);
  return type.kind === "array" || type.kind === "json" ? type : lookup.scalar(body.type) ? type : { kind: "json" };
}

/**
 * The operation's kebab-case name without its group's words in front, as az names commands:
 * `repos add-collaborator`, not `repos repos-add-collaborator` (the id `repos/add-collaborator`).
 */
function commandName(op: OperationIR): string {
  const name = kebabCase(op.name);
  const prefix = `${op.group}-`;
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}

/** `<group> <operation>`: a flag per parameter and per writable top-level body property, and `--body`. */
function derivedCommand(lookup: TypeLookup, op: OperationIR, reserved: ReadonlySet<string>): CommandModel {
  const scope = new FlagScope([...reserved, "body"]);
  const flags: FlagSpec[] = [];
  const bind: Binding[] = [];
  for (const param of op.parameters) {
    if (param.clientValue) continue;
    const name = scope.claim(kebabCase(param.name), `${param.in}-`);
    const help = param.description ?? `The \`${param.name}\` ${param.in} parameter.`;
    flags.push(
      flagSpec(name, help, lookup.valueType(param.type), param.required || param.in === "path", param.default),
    );
    bind.push({ flag: name, to: { param: param.tsName } });
  }
  const body = op.body;
  if (body) {
    const structured = body.encoding === "json" || body.encoding === "form" || body.encoding === "multipart";
    const object = structured ? lookup.object(body.type) : undefined;
    for (const property of object?.properties ?? []) {
      if (property.readOnly) continue;
      const name = scope.claim(kebabCase(property.name), "body-");
      const help = property.description ?? `The \`${property.name}\` property of the request body.`;
      flags.push(
        flagSpec(name, help, lookup.valueType(property.type), property.required && body.required, property.default),
      );
      bind.push({ flag: name, to: { body: [property.name] } });
    }
    const help = `${body.description ?? "The request body."}${object ? " The other flags set its fields over what it gives." : ""}`;
    flags.push(flagSpec("body", help, bodyType(lookup, op), body.required && !object, undefined));
    bind.push({ flag: "body", to: { body: [] } });
  }
  const text = op.summary ?? op.description ?? `${op.method} ${op.path}`;
  return {
    path: [op.group, commandName(op)],
    summary: firstSentence(text),
    ...(op.description && op.description.trim() !== firstSentence(text) ? { description: op.description.trim() } : {}),
    deprecated: op.deprecated,
    ...(answersBytes(op) ? { binary: true } : {}),
    flags,
    calls: [{ op, when: [], bind, bodyRequired: body?.required ?? false }],
    examples: [],
    origin: "spec",
  };
}

/** A 2xx response of `op` can be bytes (a download), in its preferred media type or another. */
function answersBytes(op: OperationIR): boolean {
  return op.responses.some(
    (r) => r.encoding === "binary" || (r.alternatives ?? []).some((a) => a.encoding === "binary"),
  );
}

interface Target {
  readonly to: BindingTarget;
  readonly type: ValueType;
  readonly help?: string;
  readonly required: boolean;
  readonly fallback?: JsonValue;
}

/** `id` or `subscriptionId` (a parameter), `body.properties.expiry` (a body field), `body` (all of it). */
function resolveTarget(lookup: TypeLookup, op: OperationIR, target: string): Target | string {
  if (target === "body" || target.startsWith("body.")) {
    const body = op.body;
    if (!body) return `${op.name} has no request body`;
    if (target === "body")
      return {
        to: { body: [] },
        type: bodyType(lookup, op),
        required: body.required,
        ...(body.description ? { help: body.description } : {}),
      };
    const path = target.slice("body.".length).split(".");
    let type: TypeIR = body.type;
    let required = body.required;
    let last: { description?: string; default?: JsonValue } = {};
    for (const [i, segment] of path.entries()) {
      const object = lookup.object(type);
      const property = object?.properties.find((p) => p.name === segment && !p.readOnly);
      if (!property) {
        const at = ["body", ...path.slice(0, i)].join(".");
        const known = object?.properties.filter((p) => !p.readOnly).map((p) => p.name) ?? [];
        return `${at} of ${op.name} has no writable field "${segment}"${known.length ? ` (it has: ${known.join(", ")})` : ""}`;
      }
      type = property.type;
      required &&= property.required;
      last = property;
    }
    return {
      to: { body: path },
      type: lookup.valueType(type),
      required,
      ...(last.description ? { help: last.description } : {}),
      ...(last.default !== undefined ? { fallback: last.default } : {}),
    };
  }
  const param = op.parameters.find((p) => !p.clientValue && (p.name === target || p.tsName === target));
  if (!param) {
    const known = op.parameters.filter((p) => !p.clientValue).map((p) => p.name);
    return `${op.name} has no parameter "${target}" (targets: ${[...known, ...(op.body ? ["body", "body.<field>"] : [])].join(", ") || "none"})`;
  }
  return {
    to: { param: param.tsName },
    type: lookup.valueType(param.type),
    required: param.required || param.in === "path",
    ...(param.description ? { help: param.description } : {}),
    ...(param.default !== undefined ? { fallback: param.default } : {}),
  };
}

type Report = (pointer: string, message: string) => void;

function namedCommand(
  api: ApiIR,
  lookup: TypeLookup,
  command: NamedCommand,
  reserved: ReadonlySet<string>,
  report: Report,
): CommandModel | undefined {
  const problems: string[] = [];
  const fail: Report = (pointer, message) => {
    problems.push(message);
    report(pointer, message);
  };
  const targets = new Map<string, { target: Target; call: number; pointer: string }[]>();
  const calls: CallModel[] = [];
  for (const [index, call] of command.calls.entries()) {
    const op =
      api.operations.find((o) => o.name === call.operation) ??
      api.operations.find((o) => o.operationId === call.operation);
    if (!op) {
      fail(`${call.pointer}/operation`, `${api.title} ${api.apiVersion} has no operation "${call.operation}"`);
      continue;
    }
    const bind: Binding[] = [];
    for (const argument of call.arguments) {
      const target = resolveTarget(lookup, op, argument.target);
      if (typeof target === "string") {
        fail(argument.pointer, target);
        continue;
      }
      bind.push({ flag: argument.flag, to: target.to });
      targets.set(argument.flag, [
        ...(targets.get(argument.flag) ?? []),
        { target, call: index, pointer: argument.pointer },
      ]);
    }
    checkCoverage(lookup, op, call, bind, fail);
    if (call.output !== undefined) {
      try {
        search({ result: null, flags: {} }, call.output);
      } catch (error) {
        fail(`${call.pointer}/output`, `\`output\` is not a valid JMESPath expression: ${(error as Error).message}`);
      }
    }
    calls.push({
      op,
      when: call.when,
      bind,
      bodyRequired: op.body?.required ?? false,
      ...(call.output ? { output: call.output } : {}),
      ...(call.dates ? { dates: call.dates } : {}),
    });
  }
  for (const [i, call] of command.calls.entries()) {
    const last = i === command.calls.length - 1;
    if (last && call.when.length > 0)
      fail(`${call.pointer}/when`, "the last call must have no `when`: it is the one made when no other fits");
    if (!last && call.when.length === 0) fail(`${call.pointer}`, "only the last call may go without `when`");
  }
  const flags = commandFlags(command, targets, calls.length, reserved, fail);
  for (const [index, call] of command.calls.entries()) {
    for (const name of call.when)
      if (!flags.some((f) => f.name === name))
        fail(`${call.pointer}/when`, `\`when\` names "${name}", which is not a flag of the command`);
    // A flag that fills a required parameter must be given whenever that call is made.
    for (const { flag } of calls[index]?.bind ?? []) {
      const spec = flags.find((f) => f.name === flag);
      const entry = targets.get(flag)?.find((t) => t.call === index);
      if (spec && entry?.target.required && !spec.required && !spec.sendDefault && !call.when.includes(flag)) {
        fail(
          entry.pointer,
          `--${flag} fills a required value of ${calls[index]?.op.name ?? ""} but is optional: make it required or list it in this call's \`when\``,
        );
      }
    }
  }
  const summary =
    command.summary ?? firstSentence(calls[0]?.op.summary ?? calls[0]?.op.description ?? command.path.join(" "));
  const model: CommandModel = {
    path: command.path,
    summary,
    ...(command.description ? { description: command.description } : {}),
    deprecated: calls.length > 0 && calls.every((c) => c.op.deprecated),
    ...(command.confirm ? { confirm: command.confirm } : {}),
    ...(calls.some((c) => answersBytes(c.op)) ? { binary: true } : {}),
    flags,
    calls,
    examples: command.examples.map(({ title, command: text }) => ({ title, command: text })),
    origin: "naming",
  };
  checkExamples(model, command, reserved, fail);
  return problems.length > 0 ? undefined : model;
}

/** Required parameters and required body fields must each get a flag (or `body` must be bound). */
function checkCoverage(
  lookup: TypeLookup,
  op: OperationIR,
  call: NamedCall,
  bind: readonly Binding[],
  fail: Report,
): void {
  const params = new Set(bind.flatMap((b) => ("param" in b.to ? [b.to.param] : [])));
  const missing = op.parameters.filter(
    (p: ParameterIR) => !p.clientValue && (p.required || p.in === "path") && !params.has(p.tsName),
  );
  for (const param of missing)
    fail(
      `${call.pointer}/arguments`,
      `the call of ${op.name} gives no flag for its required parameter "${param.name}"`,
    );
  if (!op.body) return;
  const paths = bind.flatMap((b) => ("body" in b.to ? [b.to.body] : []));
  if (paths.some((p) => p.length === 0)) return;
  if (!op.body.required && paths.length === 0) return;
  const walk = (type: TypeIR, at: readonly string[]) => {
    for (const property of lookup.object(type)?.properties ?? []) {
      if (!property.required || property.readOnly) continue;
      const here = [...at, property.name];
      const below = paths.filter((p) => here.every((w, i) => p[i] === w));
      if (below.length === 0)
        fail(
          `${call.pointer}/arguments`,
          `the call of ${op.name} gives no flag for the required body field "${["body", ...here].join(".")}"`,
        );
      else if (!below.some((p) => p.length === here.length)) walk(property.type, here);
    }
  };
  walk(op.body.type, []);
}

function commandFlags(
  command: NamedCommand,
  targets: ReadonlyMap<string, readonly { target: Target; call: number; pointer: string }[]>,
  callCount: number,
  reserved: ReadonlySet<string>,
  fail: Report,
): FlagSpec[] {
  const declared = new Map(command.flags.map((f) => [f.name, f]));
  for (const flag of command.flags)
    if (!targets.has(flag.name))
      fail(flag.pointer, `--${flag.name} is declared but no call's \`arguments\` gives it a target`);
  const flags: FlagSpec[] = [];
  for (const [name, uses] of targets) {
    const [first] = uses;
    if (!first) continue;
    if (reserved.has(name) || name.startsWith(RESERVED_FLAG_PREFIX))
      fail(first.pointer, `--${name} is a global flag of every command; choose another name`);
    const type = JSON.stringify(first.target.type);
    const other = uses.find((u) => JSON.stringify(u.target.type) !== type);
    if (other)
      fail(
        other.pointer,
        `--${name} fills values of different types (${first.target.type.kind} and ${other.target.type.kind})`,
      );
    const override = declared.get(name);
    const inEveryCall = new Set(uses.map((u) => u.call)).size === callCount;
    const required = override?.required ?? (inEveryCall && uses.every((u) => u.target.required));
    const fallback = first.target.fallback;
    const sendDefault = uses.every((u) => u.target.required);
    flags.push({
      ...flagSpec(name, override?.help ?? first.target.help ?? "", first.target.type, required, fallback, sendDefault),
      ...(override && override.aliases.length > 0 ? { aliases: override.aliases } : {}),
    });
  }
  // Declared flags first, in the file's order; then the others as the calls name them.
  const order = [...declared.keys()];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return flags.sort((a, b) => rank(a.name) - rank(b.name));
}

/** Each example must name this command and only flags it takes. */
function checkExamples(model: CommandModel, command: NamedCommand, reserved: ReadonlySet<string>, fail: Report): void {
  const known = new Set([
    ...model.flags.flatMap((f) => [`--${f.name}`, ...(f.aliases ?? [])]),
    ...commandExtraFlags(model as unknown as CommandSpec<unknown>).flatMap((f) => [
      `--${f.name}`,
      ...(f.aliases ?? []),
    ]),
    ...globalFlags.flatMap((f) => [`--${f.name}`, ...(f.aliases ?? [])]),
    ...[...reserved].map((name) => `--${name}`),
  ]);
  for (const example of command.examples) {
    const words = example.command.split(/\s+/);
    if (!model.path.every((w, i) => words[i] === w))
      fail(`${example.pointer}/command`, `the example does not start with "${model.path.join(" ")}"`);
    for (const word of words) {
      const flag = word.split("=")[0] ?? "";
      if (/^-{1,2}[a-z]/i.test(flag) && !known.has(flag))
        fail(`${example.pointer}/command`, `the example uses ${flag}, which the command does not take`);
    }
  }
}
