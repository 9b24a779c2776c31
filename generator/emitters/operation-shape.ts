/**
 * The calling convention of an operation, shared by its function (`api/<group>.ts`) and the client
 * method (`client.ts`): `(context, <path params in path order>, <required query/header params>,
 * <body>, options?)`. Optional query/header parameters live in the options bag; parameters the
 * client fills in (`api-version`) are not asked of the caller.
 */
import { NameScope, safeIdentifier } from "../ir/naming.ts";
import type { OperationIR, PagingIR, ParameterIR, RequestBodyIR, ResponseIR, TypeIR } from "../ir/types.ts";

/** A caller-supplied parameter: an identifier (positional) or a key of the options bag. */
export interface ParameterSlot {
  readonly param: ParameterIR;
  readonly name: string;
}

export interface BodyVariant {
  /** Numeric statuses this body comes with; empty for wildcard statuses (`2XX`). */
  readonly statuses: readonly number[];
  readonly type: TypeIR;
  readonly encoding: "json" | "text" | "binary";
  readonly mediaType: string | undefined;
}

export type ResultShape =
  | { readonly kind: "void" }
  | {
      readonly kind: "body";
      readonly variants: readonly BodyVariant[];
      /** 2XX responses without a body, so the result may be `undefined`. */
      readonly emptyStatuses: readonly number[] | undefined;
    }
  | { readonly kind: "paged"; readonly page: BodyVariant; readonly paging: PagingIR };

export interface OperationShape {
  readonly op: OperationIR;
  readonly positional: readonly ParameterSlot[];
  readonly optional: readonly ParameterSlot[];
  /** Parameters the client fills in. */
  readonly fixed: readonly ParameterIR[];
  readonly body?: { readonly name: string; readonly body: RequestBodyIR };
  readonly result: ResultShape;
}

/**
 * Names a generated function body uses (its locals and the helpers it calls); parameters named
 * like them are renamed so they do not shadow them.
 */
export const localNames = [
  "context", "options", "response", "json", "fetchPage", "nextLink", "page",
  "sendRequest", "parseJson", "createPager", "encodeURIComponent", "formUrlEncoded", "multipartBody", "deepObjectQuery",
];
/** Members of the runtime's `RequestOptions`, which option keys must not shadow. */
const requestOptionKeys = ["abortSignal", "timeoutMs", "totalTimeoutMs", "maxResponseBytes", "headers", "onResponse"];

/** Shapes are asked for by every emitter (functions, client, CLI, README): built once per operation. */
const shapes = new WeakMap<OperationIR, OperationShape>();

export function operationShape(op: OperationIR): OperationShape {
  let shape = shapes.get(op);
  if (!shape) shapes.set(op, (shape = buildShape(op)));
  return shape;
}

function buildShape(op: OperationIR): OperationShape {
  const scope = new NameScope(localNames);
  const optionKeys = new NameScope(requestOptionKeys);
  const positional: ParameterSlot[] = [];
  const optional: ParameterSlot[] = [];
  const fixed: ParameterIR[] = [];
  for (const param of op.parameters) {
    if (param.clientValue) fixed.push(param);
    else if (param.required || param.in === "path") positional.push({ param, name: scope.claim(safeIdentifier(param.tsName)) });
    else optional.push({ param, name: optionKeys.claim(safeIdentifier(param.tsName)) });
  }
  const body = op.body && { name: scope.claim("body"), body: op.body };
  return { op, positional, optional, fixed, ...(body ? { body } : {}), result: resultShape(op) };
}

function resultShape(op: OperationIR): ResultShape {
  const withBody = op.responses.filter((r): r is ResponseIR & { type: TypeIR } => r.type !== undefined);
  if (withBody.length === 0) return { kind: "void" };
  const variants: BodyVariant[] = [];
  for (const response of withBody) {
    const encoding = response.encoding ?? "json";
    const same = variants.find((v) => v.encoding === encoding && JSON.stringify(v.type) === JSON.stringify(response.type));
    const status = statusNumber(response.status);
    if (same) {
      if (status !== undefined) variants[variants.indexOf(same)] = { ...same, statuses: [...same.statuses, status] };
      continue;
    }
    variants.push({ statuses: status === undefined ? [] : [status], type: response.type, encoding, mediaType: response.mediaType });
  }
  const first = variants[0];
  if (op.paging && first && variants.length === 1 && first.encoding === "json") {
    return { kind: "paged", page: first, paging: op.paging };
  }
  const empty = op.responses.filter((r) => r.type === undefined);
  const emptyStatuses = empty.length === 0 ? undefined : empty.flatMap((r) => statusNumber(r.status) ?? []);
  return { kind: "body", variants, emptyStatuses };
}

function statusNumber(status: string): number | undefined {
  return /^\d{3}$/.test(status) ? Number(status) : undefined;
}
