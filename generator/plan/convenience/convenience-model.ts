/**
 * The convenience layer of one package, resolved against its API: each declared method becomes the
 * call of one generated client method (its arguments as TypeScript expressions) and the expression
 * that builds its result. Pure: problems come back as `convenience-mismatch` diagnostics located in
 * the naming file, listing what the API has.
 */
import { DiagnosticCollector } from "../../diagnostics/collector.ts";
import type { Diagnosed } from "../../diagnostics/diagnostics.ts";
import { NameScope, pascalCase, safeIdentifier } from "../../ir/naming.ts";
import type { OperationIR, PropertyIR, TypeIR } from "../../ir/types.ts";
import type { CliNaming } from "../cli/naming-file.ts";
import { shapeOf, type ApiPlan } from "../package-plan.ts";
import type { ConvenienceMember, ConvenienceMethod, ConvenienceType, ResultMapping } from "./convenience-naming.ts";

/** The runtime's per-call settings (abort signal, timeout, headers), which options bags extend. */
export const REQUEST_OPTIONS = "RequestOptions";
const PRIMITIVES = new Set(["string", "number", "boolean", "Date", "unknown"]);
/** Locals of a generated method body. */
const LOCALS = new Set(["result", "requestOptions"]);

export interface ConvenienceModel {
  readonly className: string;
  /** The class has the generated client's name: the package exports it instead of that one. */
  readonly replacesClient: boolean;
  readonly description?: string;
  readonly types: readonly ConvenienceType[];
  readonly methods: readonly ConvenienceMethodModel[];
  /** Model names the layer refers to (imported from `models.ts`). */
  readonly models: ReadonlySet<string>;
}

export interface ConvenienceMethodModel {
  readonly name: string;
  readonly summary?: string;
  readonly op: OperationIR;
  readonly parameters: readonly ConvenienceMember[];
  /** The parameter that is the options bag, and the properties taken out of it. */
  readonly options?: { readonly name: string; readonly taken: readonly string[] };
  /** Arguments of the client method, as expressions. */
  readonly args: readonly string[];
  readonly returns?: string;
  /** Builds the return value from `result` and `checked`; absent: the operation's result is returned as it is. */
  readonly result?: string;
  /**
   * One local per optional property the result reads (`const accessToken = present(result.accessToken,
   * "accessToken")`), declared before `result` uses them, so each is checked once.
   */
  readonly checked: readonly CheckedLocal[];
}

/** `const name = value;` in a generated method body. */
export interface CheckedLocal {
  readonly name: string;
  readonly value: string;
}

export function buildConvenienceModel(plan: ApiPlan, naming: CliNaming): Diagnosed<ConvenienceModel | undefined> {
  const section = naming.convenience;
  if (!section) return { value: undefined, diagnostics: [] };
  const found = new DiagnosticCollector();
  const diagnostics = found.diagnostics;
  const report = (pointer: string, message: string): undefined => {
    found.report("convenience-mismatch", { problem: message }, naming.locate(pointer));
    return undefined;
  };
  const { api, names } = plan;
  const where = `${api.title} ${api.apiVersion}`;
  const modelNames = new Set(names.declarations.map((d) => d.name));
  const declared = new Map(section.types.map((t) => [t.name, t]));
  const className = section.client ?? names.client.client;
  const usedModels = new Set<string>();
  for (const type of section.types) {
    if (modelNames.has(type.name) || type.name === className)
      report(type.pointer, `"${type.name}" is already a name the package exports`);
  }

  /** Checks `Name` / `Name[]` names a type the layer can write. */
  const checkType = (text: string, pointer: string): void => {
    const name = text.replace(/\[\]$/, "");
    if (modelNames.has(name)) usedModels.add(name);
    else if (!PRIMITIVES.has(name) && !declared.has(name) && name !== REQUEST_OPTIONS) {
      report(
        pointer,
        `unknown type "${name}": not a primitive, ${REQUEST_OPTIONS}, a type of \`convenience.types\` or a model of ${where}`,
      );
    }
  };
  /** Whether a type is an options bag: `RequestOptions` or a declared type extending it. */
  const isOptionsBag = (name: string, seen = new Set<string>()): boolean => {
    if (name === REQUEST_OPTIONS) return true;
    const base = declared.get(name)?.extends;
    if (!base || seen.has(name)) return false;
    seen.add(name);
    return isOptionsBag(base, seen);
  };
  const propertiesOf = (name: string): ConvenienceMember[] => declaredProperties(declared, name);

  for (const type of section.types) {
    if (type.extends && type.extends !== REQUEST_OPTIONS && !declared.has(type.extends)) {
      report(
        `${type.pointer}/extends`,
        `"${type.extends}" is neither ${REQUEST_OPTIONS} nor a type of \`convenience.types\``,
      );
    }
    for (const property of type.properties) checkType(property.type, property.pointer);
  }

  const clientMethods = new Set(api.operations.map((op) => op.name));
  const methods = section.methods.flatMap((method) => {
    if (clientMethods.has(method.name))
      return report(method.pointer, `"${method.name}" is already a method of the generated client`) ?? [];
    const op =
      api.operations.find((o) => o.name === method.operation) ??
      api.operations.find((o) => o.operationId === method.operation);
    if (!op)
      return (
        report(
          `${method.pointer}/operation`,
          `${where} has no operation "${method.operation}" (it has: ${api.operations.map((o) => o.name).join(", ")})`,
        ) ?? []
      );
    for (const parameter of method.parameters) checkType(parameter.type, parameter.pointer);
    if (method.returns) checkType(method.returns, `${method.pointer}/returns`);
    return resolveMethod(plan, method, op, { report, isOptionsBag, propertiesOf, declared }) ?? [];
  });
  const value: ConvenienceModel = {
    className,
    replacesClient: className === names.client.client,
    types: section.types,
    methods,
    models: usedModels,
    ...(section.description ? { description: section.description } : {}),
  };
  return { value: diagnostics.length > 0 ? undefined : value, diagnostics };
}

/** Every property of a declared type, its bases' first. */
export function declaredProperties(
  declared: ReadonlyMap<string, ConvenienceType>,
  name: string,
  seen = new Set<string>(),
): ConvenienceMember[] {
  const type = declared.get(name);
  if (!type || seen.has(name)) return [];
  seen.add(name);
  return [...(type.extends ? declaredProperties(declared, type.extends, seen) : []), ...type.properties];
}

interface Resolver {
  readonly report: (pointer: string, message: string) => undefined;
  readonly isOptionsBag: (name: string) => boolean;
  readonly propertiesOf: (name: string) => ConvenienceMember[];
  readonly declared: ReadonlyMap<string, ConvenienceType>;
}

const propertyKey = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));
const objectText = (fields: readonly [string, string][]) =>
  `{ ${fields.map(([key, value]) => (key === value ? key : `${propertyKey(key)}: ${value}`)).join(", ")} }`;

function resolveMethod(
  plan: ApiPlan,
  method: ConvenienceMethod,
  op: OperationIR,
  r: Resolver,
): ConvenienceMethodModel | undefined {
  const shape = shapeOf(plan, op);
  const failures = { count: 0 };
  const report = (pointer: string, message: string): undefined => {
    failures.count++;
    return r.report(pointer, message);
  };
  const bags = method.parameters.filter((p) => r.isOptionsBag(p.type));
  const bag = bags[0];
  if (bags.length > 1 || (bag && method.parameters.at(-1) !== bag)) {
    report(
      `${method.pointer}/parameters`,
      `only the last parameter may be an options bag (a type extending ${REQUEST_OPTIONS})`,
    );
  }
  const parameterNames = new Set(method.parameters.map((p) => p.name));
  const taken: string[] = [];
  /** The expression of a source path: a parameter, or a property taken out of the options bag. */
  const source = (path: string, pointer: string): string | undefined => {
    const [root, ...rest] = path.split(".");
    if (root === undefined || !parameterNames.has(root))
      return report(
        pointer,
        `"${root}" is not a parameter of ${method.name} (it has: ${[...parameterNames].join(", ") || "none"})`,
      );
    if (bag && root === bag.name && rest.length > 0) {
      const [property] = rest;
      if (property === undefined || rest.length > 1 || !r.propertiesOf(bag.type).some((p) => p.name === property)) {
        return report(pointer, `"${rest.join(".")}" is not a property of ${bag.type}`);
      }
      if (parameterNames.has(property) || LOCALS.has(property))
        return report(pointer, `the option "${property}" has the name of a parameter or local of ${method.name}`);
      if (!taken.includes(property)) taken.push(property);
      return property;
    }
    return path;
  };

  const positional = new Map<string, string>();
  const bodyFields = new Map<string, string>();
  const optionFields: [string, string][] = [];
  let wholeBody: string | undefined;
  const bodyProperties = shape.body ? (plan.catalog.properties(shape.body.body.type, "input") ?? []) : [];
  for (const arg of method.arguments) {
    // A bad source is reported once: its target still counts as mapped.
    const expression = source(arg.source, arg.pointer) ?? "undefined";
    const slot = shape.positional.find((s) => s.name === arg.target || s.param.name === arg.target);
    const option = shape.optional.find((s) => s.name === arg.target || s.param.name === arg.target);
    if (slot) positional.set(slot.name, expression);
    else if (option) optionFields.push([option.name, expression]);
    else if (arg.target === "body" && shape.body) wholeBody = expression;
    else if (arg.target.startsWith("body.") && bodyProperties.some((p) => p.name === arg.target.slice(5)))
      bodyFields.set(arg.target.slice(5), expression);
    else {
      const targets = [...shape.positional, ...shape.optional]
        .map((s) => s.name)
        .concat(shape.body ? ["body", ...bodyProperties.map((p) => `body.${p.name}`)] : []);
      report(
        arg.pointer,
        `${op.name} has no parameter or body field "${arg.target}" (it has: ${targets.join(", ") || "none"})`,
      );
    }
  }
  for (const slot of shape.positional) {
    if (!positional.has(slot.name))
      report(`${method.pointer}/arguments`, `${op.name} needs its parameter "${slot.name}": map it in \`arguments\``);
  }
  if (wholeBody !== undefined && bodyFields.size > 0)
    report(`${method.pointer}/arguments`, "map either `body` or `body.<property>` fields, not both");
  for (const property of bodyProperties) {
    if (
      property.required &&
      wholeBody === undefined &&
      (bodyFields.size > 0 || shape.body?.body.required) &&
      !bodyFields.has(property.name)
    ) {
      report(
        `${method.pointer}/arguments`,
        `${op.name} needs its body field "${property.name}": map body.${property.name} in \`arguments\``,
      );
    }
  }
  // Body fields in the naming file's order: the IR orders properties by name, the file can follow
  // the order the SDK it imitates sends them in.
  const body = wholeBody ?? (bodyFields.size > 0 ? objectText([...bodyFields]) : undefined);
  const settings = bag ? (taken.length > 0 ? "requestOptions" : bag.name) : undefined;
  const options =
    optionFields.length > 0
      ? objectText([
          ...(settings ? ([[`...${settings}`, `...${settings}`]] as [string, string][]) : []),
          ...optionFields,
        ])
      : settings;
  const args = [
    ...shape.positional.map((s) => positional.get(s.name) ?? "undefined"),
    ...(shape.body ? [body ?? "undefined"] : []),
    ...(options ? [options] : []),
  ];
  while (args.at(-1) === "undefined") args.pop();

  let result: string | undefined;
  const checked = new CheckedLocals([...LOCALS, "present", ...parameterNames, ...taken]);
  if (method.result) {
    const resultType =
      shape.result.kind === "body" && shape.result.variants.length === 1 ? shape.result.variants[0]?.type : undefined;
    if (!resultType) report(`${method.pointer}/result`, `${op.name} has no single JSON result to map`);
    else
      result = resultText(
        plan,
        method.result,
        resultType,
        method.returns ? r.declared.get(method.returns) : undefined,
        { ...r, report, checked },
      );
  }
  if (failures.count > 0) return undefined;
  return {
    name: method.name,
    op,
    parameters: method.parameters,
    args,
    checked: checked.declared,
    ...(method.summary ? { summary: method.summary } : {}),
    ...(bag ? { options: { name: bag.name, taken } } : {}),
    ...(method.returns ? { returns: method.returns } : {}),
    ...(result !== undefined ? { result } : {}),
  };
}

/** The locals of one method's presence checks: one per optional path, named after its property. */
class CheckedLocals {
  readonly declared: CheckedLocal[] = [];
  readonly #byPath = new Map<string, string>();
  readonly #scope: NameScope;

  /** `inScope`: the names the method body already has (parameters, options taken out, `result`). */
  constructor(inScope: readonly string[]) {
    this.#scope = new NameScope(inScope);
  }

  /** The local holding `expression` (the value at `path`) once checked present. */
  local(path: readonly string[], expression: string): string {
    const key = path.join(".");
    const known = this.#byPath.get(key);
    if (known !== undefined) return known;
    // Named after the property; `resultGadget` where a parameter already has the name `gadget`.
    const own = safeIdentifier(path.at(-1) ?? "value");
    const name = this.#scope.claim(this.#scope.isFree(own) ? own : `result${pascalCase(path.join(" "))}`);
    this.#byPath.set(key, name);
    this.declared.push({ name, value: `present(${expression}, ${JSON.stringify(key)})` });
    return name;
  }
}

interface ResultContext extends Resolver {
  readonly checked: CheckedLocals;
}

/**
 * The expression building a result from `result`: paths are checked against the operation's result
 * type; a property the spec marks optional is checked by `present()` where the target needs a value
 * (always on the way to a nested property), once per path into a local, so a missing one is a clear
 * error, not `undefined`.
 */
function resultText(
  plan: ApiPlan,
  mapping: ResultMapping,
  resultType: TypeIR,
  target: ConvenienceType | undefined,
  c: ResultContext,
  required = true,
): string | undefined {
  if (mapping.kind === "object") {
    const targetProperties = target ? c.propertiesOf(target.name) : [];
    const fields: [string, string][] = [];
    for (const field of mapping.fields) {
      const declared = targetProperties.find((p) => p.name === field.name);
      if (target && !declared) c.report(field.value.pointer, `${target.name} has no property "${field.name}"`);
      const inner = resultText(
        plan,
        field.value,
        resultType,
        declared ? c.declared.get(declared.type) : undefined,
        c,
        declared ? !declared.optional : true,
      );
      if (inner !== undefined) fields.push([field.name, inner]);
    }
    return objectText(fields);
  }
  let text = "result";
  let type: TypeIR | undefined = resultType;
  const walked: string[] = [];
  for (const [i, segment] of mapping.path.entries()) {
    const properties: PropertyIR[] | undefined = type ? plan.catalog.properties(type, "output") : undefined;
    const property: PropertyIR | undefined = properties?.find((p) => p.name === segment);
    if (!property)
      return c.report(
        mapping.pointer,
        `the result has no property "${[...walked, segment].join(".")}" (at that level it has: ${(properties ?? []).map((p) => p.name).join(", ") || "none"})`,
      );
    walked.push(segment);
    text = `${text}.${segment}`;
    const last = i === mapping.path.length - 1;
    if (!property.required && (!last || required)) text = c.checked.local(walked, text);
    type = property.type;
  }
  return text;
}
