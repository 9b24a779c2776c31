/**
 * The calling convention of an operation, shared by its function (`api/<group>.ts`) and the client
 * method (`client.ts`): `(context, <path params in path order>, <required query/header params>,
 * <body>, options?)`. Optional query/header parameters live in the options bag; parameters the
 * client fills in (`api-version`) are not asked of the caller.
 */
import { NameScope, safeIdentifier } from "../ir/naming.ts";
import type {
  MediaContentIR,
  OperationIR,
  PagingIR,
  ParameterIR,
  RequestBodyIR,
  ResponseEncoding,
  ResponseIR,
  TypeIR,
} from "../ir/types.ts";

/** A caller-supplied parameter: an identifier (positional) or a key of the options bag. */
export interface ParameterSlot {
  readonly param: ParameterIR;
  readonly name: string;
}

export interface BodyVariant {
  /** Numeric statuses this body comes with; empty for wildcard statuses (`2XX`). */
  readonly statuses: readonly number[];
  readonly type: TypeIR;
  readonly encoding: ResponseEncoding;
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

/** One kind of result the caller can ask for with `accept`: JSON, text, bytes or events. */
export interface ResultChoice {
  /** The media types that select it, in order of preference (the `accept` header's default). */
  readonly mediaTypes: readonly string[];
  /** The `accept` header sent when the caller does not choose (the first choice only). */
  readonly defaultAccept: string;
  readonly result: ResultShape;
}

export interface OperationShape {
  readonly op: OperationIR;
  readonly positional: readonly ParameterSlot[];
  readonly optional: readonly ParameterSlot[];
  /** Parameters the client fills in. */
  readonly fixed: readonly ParameterIR[];
  readonly body?: { readonly name: string; readonly body: RequestBodyIR };
  /** The result when the caller does not choose: `results[0].result`. */
  readonly result: ResultShape;
  /**
   * What the caller may ask for with `accept`, by kind (the default first); one entry when the
   * responses come in one kind, none when they have no body.
   */
  readonly results: readonly ResultChoice[];
  /** Every media type of the 2xx responses: the values of the `accept` option (offered when there are two or more). */
  readonly accepts: readonly string[];
}

/**
 * Names a generated function body uses (its locals and the helpers it calls); parameters named
 * like them are renamed so they do not shadow them.
 */
export const localNames = [
  "context",
  "options",
  "response",
  "json",
  "fetchPage",
  "nextLink",
  "page",
  "pageRequest",
  "request",
  "sendRequest",
  "parseJson",
  "createPager",
  "encodeURIComponent",
  "formUrlEncoded",
  "multipartBody",
  "deepObjectQuery",
  "readEventStream",
  "wholePathSegment",
];
/** Members of the runtime's `RequestOptions`, which option keys must not shadow. */
const requestOptionKeys = ["abortSignal", "timeoutMs", "totalTimeoutMs", "maxResponseBytes", "headers", "onResponse"];

/**
 * The parameter names an operation's function and client method declare (positional ones, the
 * body, `options`): an import of the same name would be shadowed in them, so files that hold them
 * give such imports aliases.
 */
export function parameterNames(shape: OperationShape): string[] {
  return [...shape.positional.map((slot) => slot.name), ...(shape.body ? [shape.body.name] : []), "options"];
}

/** The shape of one operation; `planPackage` builds every operation's once (`PackagePlan.shapes`), emitters read it there. */
export function operationShape(op: OperationIR): OperationShape {
  const scope = new NameScope(localNames);
  const accepts = [...new Set(op.responses.flatMap((r) => contentsOf(r).map((c) => c.mediaType)))];
  // `accept` is an option of its own when the caller has media types to choose from.
  const optionKeys = new NameScope(accepts.length > 1 ? [...requestOptionKeys, "accept"] : requestOptionKeys);
  const positional: ParameterSlot[] = [];
  const optional: ParameterSlot[] = [];
  const fixed: ParameterIR[] = [];
  for (const param of op.parameters) {
    if (param.clientValue) fixed.push(param);
    else if (param.required || param.in === "path")
      positional.push({ param, name: scope.claim(safeIdentifier(param.tsName)) });
    else optional.push({ param, name: optionKeys.claim(safeIdentifier(param.tsName)) });
  }
  const body = op.body && { name: scope.claim("body"), body: op.body };
  const results = resultChoices(op);
  const result = results[0]?.result ?? { kind: "void" };
  return { op, positional, optional, fixed, ...(body ? { body } : {}), result, results, accepts };
}

type Content = MediaContentIR<ResponseEncoding>;

/** A response's contents, the preferred one first. */
function contentsOf(response: ResponseIR): Content[] {
  const { mediaType, encoding, type } = response;
  return mediaType === undefined || type === undefined
    ? []
    : [{ mediaType, encoding: encoding ?? "json", type }, ...(response.alternatives ?? [])];
}

/**
 * One choice per kind of content the 2xx responses come in: the kind of the first response's
 * preferred content first (what a caller who does not choose gets), then JSON, text, events, bytes.
 * Under a choice each response is read as its content of that kind, or as its preferred one when
 * it has none of that kind (the service may answer so whatever was asked).
 */
function resultChoices(op: OperationIR): ResultChoice[] {
  const kinds = new Set(op.responses.flatMap((r) => contentsOf(r).map((c) => c.encoding)));
  const first = op.responses.map(contentsOf).find((c) => c.length > 0)?.[0]?.encoding;
  const order = (["json", "text", "event-stream", "binary"] as const).filter((k) => kinds.has(k));
  const mediaTypesOf = (kind: ResponseEncoding) => [
    ...new Set(
      op.responses.flatMap((r) =>
        contentsOf(r)
          .filter((c) => c.encoding === kind)
          .map((c) => c.mediaType),
      ),
    ),
  ];
  // A kind is a choice of its own only with a media type no earlier choice asks for: `accept` is
  // how the caller chooses (`application/json` that is sometimes `format: binary` is one choice).
  const claimed = new Set<string>();
  const sorted = (first ? [first, ...order.filter((k) => k !== first)] : []).filter((kind, index) => {
    const own = mediaTypesOf(kind).filter((m) => !claimed.has(m));
    for (const m of own) claimed.add(m);
    return index === 0 || own.length > 0;
  });
  if (sorted.length === 0) return [{ mediaTypes: [], defaultAccept: "", result: { kind: "void" } }];
  return sorted.map((kind) => {
    const chosen = op.responses.map((r) => ({
      response: r,
      content: contentsOf(r).find((c) => c.encoding === kind) ?? contentsOf(r)[0],
    }));
    const mediaTypes = mediaTypesOf(kind);
    const fallbacks = chosen.flatMap(({ content }) =>
      content && content.encoding !== kind ? [content.mediaType] : [],
    );
    const defaultAccept = [...new Set([...mediaTypes, ...fallbacks])].join(", ");
    return { mediaTypes, defaultAccept, result: resultShape(op, chosen, sorted.length === 1) };
  });
}

/** The result of one choice; a pager only when the operation offers no other choice. */
function resultShape(
  op: OperationIR,
  chosen: readonly { response: ResponseIR; content: Content | undefined }[],
  pageable: boolean,
): ResultShape {
  const withBody = chosen.filter((c): c is { response: ResponseIR; content: Content } => c.content !== undefined);
  if (withBody.length === 0) return { kind: "void" };
  const variants: BodyVariant[] = [];
  for (const { response, content } of withBody) {
    const encoding = content.encoding;
    const same = variants.find(
      (v) => v.encoding === encoding && JSON.stringify(v.type) === JSON.stringify(content.type),
    );
    const status = statusNumber(response.status);
    if (same) {
      if (status !== undefined) variants[variants.indexOf(same)] = { ...same, statuses: [...same.statuses, status] };
      continue;
    }
    variants.push({
      statuses: status === undefined ? [] : [status],
      type: content.type,
      encoding,
      mediaType: content.mediaType,
    });
  }
  const first = variants[0];
  if (pageable && op.paging && first && variants.length === 1 && first.encoding === "json") {
    return { kind: "paged", page: first, paging: op.paging };
  }
  const empty = op.responses.filter((r) => r.type === undefined);
  const emptyStatuses = empty.length === 0 ? undefined : empty.flatMap((r) => statusNumber(r.status) ?? []);
  return { kind: "body", variants, emptyStatuses };
}

function statusNumber(status: string): number | undefined {
  return /^\d{3}$/.test(status) ? Number(status) : undefined;
}
