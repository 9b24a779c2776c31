/**
 * The README's "Media types" section, for APIs whose operations answer in more than JSON or take
 * bodies in several media types: the rule for the default media type, the result types, and one
 * example per feature the API has (choosing with `accept`, reading events, choosing `contentType`).
 */
import type { ApiIR, OperationIR } from "../../ir/types.ts";
import { operationShape, type ResultShape } from "../../plan/operation-shape.ts";
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

const streams = (result: ResultShape) => result.kind === "body" && result.variants.some((v) => v.encoding === "event-stream");
const isBinaryOrText = (result: ResultShape) => result.kind === "body" && result.variants.some((v) => v.encoding !== "json");

export function mediaTypesView(api: ApiIR, examples: ExampleBuilder): MediaTypesView | null {
  const ops = api.operations;
  // Best an operation whose result type follows the choice (JSON or bytes, say), not an event stream (shown next).
  const choices = (op: OperationIR) => operationShape(op).results;
  const choosing =
    ops.find((op) => choices(op).length > 1 && !streams(choices(op).at(-1)?.result ?? { kind: "void" })) ??
    ops.find((op) => operationShape(op).accepts.length > 1);
  const streaming = ops.find((op) => operationShape(op).results.some((c) => streams(c.result)));
  const bodies = ops.find((op) => op.body?.alternatives && op.body.required);
  if (!choosing && !streaming && !bodies && !ops.some((op) => operationShape(op).results.some((c) => isBinaryOrText(c.result)))) return null;
  return {
    accept: choosing ? acceptExample(choosing, examples) : null,
    events: streaming ? eventsExample(streaming, examples) : null,
    contentType: bodies ? contentTypeExample(bodies, examples) : null,
  };
}

/** The example arguments, with `undefined` for an optional body, so that an options bag can follow. */
function argumentsBeforeOptions(op: OperationIR, examples: ExampleBuilder): ExampleNode[] {
  const optionalBody = op.body !== undefined && !op.body.required;
  return [...callArguments(op, examples), ...(optionalBody ? [{ kind: "raw" as const, text: "undefined" }] : [])];
}

/** The last media type of the last choice: a kind other than the default one where there is one. */
function acceptExample(op: OperationIR, examples: ExampleBuilder): string {
  const shape = operationShape(op);
  const media = shape.results.at(-1)?.mediaTypes.at(-1) ?? shape.accepts.at(-1) ?? "";
  return `${printCall("const result = await ", `client.${op.name}`, argumentsBeforeOptions(op, examples), [`{ accept: ${JSON.stringify(media)} }`])};`;
}

function eventsExample(op: OperationIR, examples: ExampleBuilder): string {
  const shape = operationShape(op);
  const choice = shape.results.find((c) => streams(c.result));
  const chosen = shape.results[0] === choice ? [] : [`{ accept: ${JSON.stringify(choice?.mediaTypes[0] ?? "text/event-stream")} }`];
  return [
    `const events = ${printCall("await ", `client.${op.name}`, chosen.length > 0 ? argumentsBeforeOptions(op, examples) : callArguments(op, examples), chosen)};`,
    "for await (const event of events) {",
    "  console.log(event.event, event.data); // break to close the connection",
    "}",
  ].join("\n");
}

/** The call with the body in its last media type (the examples elsewhere use the default one). */
function contentTypeExample(op: OperationIR, examples: ExampleBuilder): string {
  const body = op.body!;
  const last = body.alternatives?.at(-1) ?? body;
  const args = callArguments(op, examples).slice(0, -1);
  const value: ExampleNode = {
    kind: "object",
    entries: [
      ["contentType", { kind: "raw", text: JSON.stringify(last.mediaType) }],
      ["value", examples.value(last.type, "body")],
    ],
  };
  return `${printCall("await ", `client.${op.name}`, [...args, value])};`;
}
