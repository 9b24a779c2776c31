/**
 * The README's "Convenience methods" section, for a package whose naming file declares the layer
 * (`plan/convenience/`): each method's signature and summary, and a quick start calling them
 * in the naming file's order, where a value one method returns is passed to the later ones that
 * take it (`const user = await client.createUser();` then `client.getToken(user, ...)`).
 */
import type { TypeIR } from "../../ir/types.ts";
import type { ConvenienceMethodModel, ConvenienceModel } from "../../plan/convenience/convenience-model.ts";
import { declaredProperties, REQUEST_OPTIONS } from "../../plan/convenience/convenience-model.ts";
import type { ConvenienceMember } from "../../plan/convenience/convenience-naming.ts";
import type { PublicNames } from "../../plan/public-names.ts";
import type { ExampleBuilder, ExampleNode } from "./example-values.ts";
import { isSecretName } from "../../runtime/redact-secrets.ts";
import { firstSentence, printCall, SECRET_RESULT } from "./readme-operations.ts";

export interface ConvenienceView {
  readonly className: string;
  /** What the class is, Markdown paragraphs. */
  readonly intro: readonly string[];
  readonly methods: readonly { readonly signature: string; readonly summary: string }[];
  readonly quickStart: string;
}

const PRIMITIVE_TYPES: Readonly<Record<string, TypeIR>> = {
  string: { kind: "string" },
  number: { kind: "number", integer: false },
  boolean: { kind: "boolean" },
  Date: { kind: "date-time" },
  unknown: { kind: "unknown" },
};

export function convenienceView(
  model: ConvenienceModel,
  names: PublicNames,
  examples: ExampleBuilder,
): ConvenienceView {
  const extended = model.replacesClient
    ? "the operations below"
    : `the generated \`${names.client.client}\` (the operations below)`;
  const types = model.types.map((t) => `\`${t.name}\``).join(", ");
  const intro = [
    ...(model.description ? [model.description] : []),
    `\`${model.className}\` adds these methods to ${extended}.` +
      (types ? ` The types they take and return (${types}) are exported too.` : ""),
  ];
  return {
    className: model.className,
    intro,
    methods: model.methods.map((method) => ({
      signature: signature(method),
      summary: `${method.summary ? `${firstSentence(method.summary)} ` : ""}Calls [\`${method.op.name}\`](#${method.op.name.toLowerCase()}).`,
    })),
    quickStart: quickStart(model, names, examples),
  };
}

/** As a caller sees it: an options bag that defaults to `{}` is optional. */
function signature(method: ConvenienceMethodModel): string {
  const parameters = method.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  return `${method.name}(${parameters}): Promise<${method.returns ?? "void"}>`;
}

function quickStart(model: ConvenienceModel, names: PublicNames, examples: ExampleBuilder): string {
  /** Type -> the local holding a value of it, once a method has returned one. */
  const bound = new Map<string, string>();
  const usedNames = new Set(["client"]);
  const declared = new Map(model.types.map((type) => [type.name, type]));
  const valueOf = (member: ConvenienceMember): ExampleNode => {
    const local = bound.get(member.type);
    return local
      ? { kind: "raw", text: local }
      : exampleOf(member.type, member.name, model, names, examples, new Set());
  };
  const lines = model.methods.map((method, index) => {
    // Optional parameters are left out, unless a required one follows.
    const lastRequired = method.parameters.findLastIndex((p) => !p.optional);
    const args = method.parameters
      .slice(0, lastRequired + 1)
      .map((p): ExampleNode => (p.optional ? { kind: "raw", text: "undefined" } : valueOf(p)));
    const callee = `client.${method.name}`;
    if (method.returns === undefined) return `${printCall("await ", callee, args)};`;
    // Kept in a local when a later method takes what this one returns, named as that parameter.
    const takenLater = model.methods
      .slice(index + 1)
      .flatMap((m) => m.parameters)
      .find((p) => !p.optional && p.type === method.returns);
    if (takenLater && !bound.has(method.returns) && !usedNames.has(takenLater.name)) {
      bound.set(method.returns, takenLater.name);
      usedNames.add(takenLater.name);
      return `${printCall(`const ${takenLater.name} = await `, callee, args)};`;
    }
    // A result with secret-named members (a token) logs only the first other member, if any.
    const members = declaredProperties(declared, method.returns);
    if (!members.some((m) => isSecretName(m.name))) return `${printCall("console.log(await ", callee, args)});`;
    const shown = members.find((m) => !isSecretName(m.name));
    return shown
      ? `${printCall("console.log((await ", callee, args)}).${shown.name});`
      : `${printCall("await ", callee, args)}; ${SECRET_RESULT}`;
  });
  return lines.join("\n");
}

/** An example of a type as the naming file writes it: `Name` or `Name[]`. */
function exampleOf(
  text: string,
  name: string,
  model: ConvenienceModel,
  names: PublicNames,
  examples: ExampleBuilder,
  seen: ReadonlySet<string>,
): ExampleNode {
  if (text.endsWith("[]"))
    return {
      kind: "array",
      items: [exampleOf(text.slice(0, -2), name.replace(/s$/, ""), model, names, examples, seen)],
    };
  const primitive = PRIMITIVE_TYPES[text];
  if (primitive) return examples.value(primitive, name);
  const declared = model.types.find((t) => t.name === text);
  if (declared && !seen.has(text)) {
    const inner = new Set([...seen, text]);
    // Its required properties, its bases' included (an options bag's request settings are all optional).
    const properties = declaredProperties(new Map(model.types.map((t) => [t.name, t])), text).filter(
      (p) => !p.optional,
    );
    return {
      kind: "object",
      entries: properties.map((p): [string, ExampleNode] => [
        p.name,
        exampleOf(p.type, p.name, model, names, examples, inner),
      ]),
    };
  }
  const modelName = names.declarations.find((d) => d.name === text)?.named.name;
  if (modelName !== undefined) return examples.value({ kind: "ref", name: modelName }, name);
  // `RequestOptions`, or a declared type met again inside itself.
  return text === REQUEST_OPTIONS || declared ? { kind: "object", entries: [] } : { kind: "raw", text: "undefined" };
}
