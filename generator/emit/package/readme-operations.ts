/**
 * One README example per operation, called the way the generated code is: the calling convention
 * and the result's shape come from the source emitter's `operationShape`, so the two cannot drift.
 */
import { compareStrings, propertyKey } from "../../ir/naming.ts";
import type { OperationShape } from "../../plan/operation-shape.ts";
import type { ApiPlan } from "../../plan/package-plan.ts";
import { ExampleBuilder, printExample, type ExampleNode } from "./example-values.ts";
import { firstParagraph } from "./package-view.ts";
import { isSecretName } from "../../runtime/redact-secrets.ts";

export interface OperationView {
  readonly name: string;
  /** GitHub's anchor for the operation's heading. */
  readonly anchor: string;
  readonly method: string;
  readonly path: string;
  /** One line for the table, with `|` escaped. */
  readonly summary: string;
  readonly paragraphs: readonly string[];
  readonly deprecated: boolean;
  readonly code: string;
}

/** Lines wider than this are split: objects spread over several lines. */
const MAX_LINE = 100;

/** The example arguments of an operation, after the context: its positional parameters, and the body when it is required. */
export function callArguments(shape: OperationShape, examples: ExampleBuilder): ExampleNode[] {
  const args = shape.positional.map((slot) => examples.value(slot.param.type, slot.param.tsName));
  const body = shape.body?.body;
  if (body?.required) {
    const value = examples.value(body.type, "body");
    // Several media types: the body names the one it is in (the default one here).
    args.push(
      body.alternatives
        ? {
            kind: "object",
            entries: [
              ["contentType", { kind: "raw", text: JSON.stringify(body.mediaType) }],
              ["value", value],
            ],
          }
        : value,
    );
  }
  return args;
}

/** `callee(args)` on one line when it fits, else with object arguments spread over lines. */
export function printCall(
  prefix: string,
  callee: string,
  args: readonly ExampleNode[],
  extra: readonly string[] = [],
): string {
  const inline = `${prefix}${callee}(${[...args.map((a) => printExample(a, 0, Number.NEGATIVE_INFINITY)), ...extra].join(", ")})`;
  if (inline.length <= MAX_LINE && !inline.includes("\n")) return inline;
  return `${prefix}${callee}(${[...args.map((a) => printExample(a, 0, Number.POSITIVE_INFINITY)), ...extra].join(", ")})`;
}

/** True when the call resolves to a body (never `undefined`) rather than to nothing or a pager. */
function alwaysReturnsBody(shape: OperationShape): boolean {
  const result = shape.result;
  return result.kind === "body" && result.emptyStatuses === undefined;
}

/**
 * The statements of an example call of `op`: `client.` as `target` for the client method, or an
 * empty target with the context as a `leading` argument for the operation function.
 */
export function exampleStatements(
  shape: OperationShape,
  examples: ExampleBuilder,
  target: string,
  leading: readonly string[] = [],
): string {
  const args = [...leading.map((text): ExampleNode => ({ kind: "raw", text })), ...callArguments(shape, examples)];
  const callee = `${target}${shape.op.name}`;
  const result = shape.result;
  if (result.kind === "paged")
    return `for await (const item of ${printCall("", callee, args)}) {\n  console.log(item);\n}`;
  if (result.kind === "void") return `${printCall("await ", callee, args)};`;
  return `${printCall("const result = await ", callee, args)};\n${printResult(shape, examples)}`;
}

/** Where a result holds nothing but secrets: it is used, not logged. */
export const SECRET_RESULT = "// The result holds credentials: pass them on, never log them.";

/**
 * Logs up to two required properties of the result (showing their types in use) when it is always
 * one JSON model, else the whole result (which may be `undefined`, text, bytes or a union). A
 * secret-named property (a token, a key) is never logged: examples are copied into real code.
 */
function printResult(shape: OperationShape, examples: ExampleBuilder): string {
  const result = shape.result;
  const [only, ...others] = result.kind === "body" && result.emptyStatuses === undefined ? result.variants : [];
  const first = only?.encoding === "json" && others.length === 0 ? only.type : undefined;
  const properties = first ? examples.objectProperties(first) : [];
  const fields = properties.filter((p) => p.required && !p.writeOnly && !isSecretName(p.name));
  if (fields.length === 0) return properties.some((p) => isSecretName(p.name)) ? SECRET_RESULT : "console.log(result);";
  const access = (name: string) => (propertyKey(name) === name ? `result.${name}` : `result[${JSON.stringify(name)}]`);
  return `console.log(${fields
    .slice(0, 2)
    .map((p) => access(p.name))
    .join(", ")});`;
}

export function operationViews(plan: ApiPlan, examples: ExampleBuilder): OperationView[] {
  return [...plan.shapes.values()].map((shape) => {
    const { op } = shape;
    const text =
      op.summary && op.description ? `${op.summary}\n\n${op.description}` : (op.summary ?? op.description ?? "");
    const summary = firstSentence(firstParagraph(op.summary ?? op.description) ?? "");
    return {
      name: op.name,
      anchor: op.name.toLowerCase(),
      method: op.method,
      path: op.path,
      summary: summary.replace(/\|/g, "\\|"),
      paragraphs:
        text.trim() === ""
          ? []
          : text
              .trim()
              .split(/\n\s*\n/)
              .map((p) => p.trim()),
      deprecated: op.deprecated,
      code: exampleStatements(shape, examples, "client."),
    };
  });
}

/** "One. Two." -> "One." (a table cell stays short); text without a sentence end stays whole. */
export function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}

/**
 * The operation the cross-cutting sections (functions, errors, timeouts) use. Best is a call that
 * shows both a path parameter and a body and returns a body; among equals, the shortest example,
 * then the name. An optional body is avoided: an options bag would have to follow an `undefined`.
 */
export function sampleOperation(plan: ApiPlan, examples: ExampleBuilder): OperationShape | undefined {
  const rank = (shape: OperationShape): [number, number, string] => {
    const { op } = shape;
    const plain = shape.result.kind !== "paged" && (shape.body === undefined || shape.body.body.required);
    const score =
      (plain ? 8 : 0) + (alwaysReturnsBody(shape) ? 4 : 0) + (shape.positional.length > 0 ? 2 : 0) + (op.body ? 1 : 0);
    return [-score, printCall("", op.name, callArguments(shape, examples)).length, op.name];
  };
  const ranked = [...plan.shapes.values()].map((shape) => ({ shape, key: rank(shape) }));
  ranked.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || compareStrings(a.key[2], b.key[2]));
  return ranked[0]?.shape;
}
