/**
 * The README's "Media types" section, for APIs whose operations answer in more than JSON or take
 * bodies in several media types: the rule for the default media type, the result types, and one
 * example per feature the API has (choosing with `accept`, reading events, choosing `contentType`).
 */
import type { OperationShape, ResultShape } from "../../plan/operation-shape.ts";
import type { ApiPlan } from "../../plan/package-plan.ts";
import type { ExampleBuilder, ExampleNode } from "./example-values.ts";
import { callArguments, printCall } from "./readme-operations.ts";

export interface MediaTypesView {
  /** Choosing a non-default media type with `accept`; null when no operation offers one. */
  readonly accept: string | null;
  /** Reading an event stream; null when no operation returns one. */
  readonly events: string | null;
  /** Sending a body in a chosen media type; null when every body has one. */
  readonly contentType: string | null;
}

const streams = (result: ResultShape) =>
  result.kind === "body" && result.variants.some((v) => v.encoding === "event-stream");
const isBinaryOrText = (result: ResultShape) =>
  result.kind === "body" && result.variants.some((v) => v.encoding !== "json");

export function mediaTypesView(plan: ApiPlan, examples: ExampleBuilder): MediaTypesView | null {
  const shapes = [...plan.shapes.values()];
  // Best an operation whose result type follows the choice (JSON or bytes, say), not an event stream (shown next).
  const choosing =
    shapes.find((shape) => shape.results.length > 1 && !streams(shape.results.at(-1)?.result ?? { kind: "void" })) ??
    shapes.find((shape) => shape.accepts.length > 1);
  const streaming = shapes.find((shape) => shape.results.some((c) => streams(c.result)));
  const bodies = shapes.find(({ op }) => op.body?.alternatives && op.body.required);
  if (
    !choosing &&
    !streaming &&
    !bodies &&
    !shapes.some((shape) => shape.results.some((c) => isBinaryOrText(c.result)))
  )
    return null;
  return {
    accept: choosing ? acceptExample(choosing, examples) : null,
    events: streaming ? eventsExample(streaming, examples) : null,
    contentType: bodies ? contentTypeExample(bodies, examples) : null,
  };
}

/** The example arguments, with `undefined` for an optional body, so that an options bag can follow. */
function argumentsBeforeOptions(shape: OperationShape, examples: ExampleBuilder): ExampleNode[] {
  const { op } = shape;
  const optionalBody = op.body !== undefined && !op.body.required;
  return [...callArguments(shape, examples), ...(optionalBody ? [{ kind: "raw" as const, text: "undefined" }] : [])];
}

/** The last media type of the last choice: a kind other than the default one where there is one. */
function acceptExample(shape: OperationShape, examples: ExampleBuilder): string {
  const { op } = shape;
  const media = shape.results.at(-1)?.mediaTypes.at(-1) ?? shape.accepts.at(-1) ?? "";
  return `${printCall("const result = await ", `client.${op.name}`, argumentsBeforeOptions(shape, examples), [`{ accept: ${JSON.stringify(media)} }`])};`;
}

function eventsExample(shape: OperationShape, examples: ExampleBuilder): string {
  const { op } = shape;
  const choice = shape.results.find((c) => streams(c.result));
  const chosen =
    shape.results[0] === choice ? [] : [`{ accept: ${JSON.stringify(choice?.mediaTypes[0] ?? "text/event-stream")} }`];
  return [
    `const events = ${printCall("await ", `client.${op.name}`, chosen.length > 0 ? argumentsBeforeOptions(shape, examples) : callArguments(shape, examples), chosen)};`,
    "for await (const event of events) {",
    "  console.log(event.event, event.data); // break to close the connection",
    "}",
  ].join("\n");
}

/** The call with the body in its last media type (the examples elsewhere use the default one). */
function contentTypeExample(shape: OperationShape, examples: ExampleBuilder): string {
  const { op } = shape;
  const body = op.body!;
  const last = body.alternatives?.at(-1) ?? body;
  const args = callArguments(shape, examples).slice(0, -1);
  const value: ExampleNode = {
    kind: "object",
    entries: [
      ["contentType", { kind: "raw", text: JSON.stringify(last.mediaType) }],
      ["value", examples.value(last.type, "body")],
    ],
  };
  return `${printCall("await ", `client.${op.name}`, [...args, value])};`;
}
