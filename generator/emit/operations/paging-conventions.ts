/**
 * The parts of a paged operation's body that depend on its paging convention (`PagingNextIR`):
 * which request fetches a page, where its items are, and the runtime's reader of its continuation token.
 */
import type { PagingIR, PropertyIR } from "../../ir/types.ts";
import type { ImportBinder } from "../shared/import-binder.ts";
import { objectLiteralKey } from "../../ir/naming.ts";
import { propertyAccess } from "../shared/json-conversion.ts";
import { objectLiteral, valueOf, type RequestMember } from "../shared/request-building.ts";
import type { OperationShape } from "../../plan/operation-shape.ts";
import { modules } from "../../plan/package-plan.ts";

/** Statements that set `request` to the spec of the page `pageRequest` names, and the spec `sendRequest` is given. */
export function pageRequest(
  binder: ImportBinder,
  shape: OperationShape,
  paging: PagingIR,
  members: readonly RequestMember[],
  spec: string,
): { statements: string[]; sent: string } {
  const first = objectLiteral(members);
  const { next } = paging;
  const query: string[] = [];
  let request: string;
  if (next.kind === "next-link" || next.kind === "link-header") {
    const link: RequestMember[] = [
      { key: "method", text: `"GET"` },
      { key: "path", text: "pageRequest.token" },
      ...members.filter((m) => m.key === "headers" || m.key === "accept"),
    ];
    request = `pageRequest.token === undefined\n  ? ${first.replace(/\n/g, "\n  ")}\n  : ${objectLiteral(link).replace(/\n/g, "\n  ")}`;
  } else {
    request = first;
    query.push(`${objectLiteralKey(next.parameter)}: pageRequest.token`);
  }
  if (paging.pageSizeParameter !== undefined)
    query.push(`${objectLiteralKey(paging.pageSizeParameter)}: pageRequest.pageSize`);
  const sent =
    query.length === 0
      ? "request"
      : `${binder.value(modules.runtime("paging"), "withPageQuery")}(request, { ${query.join(", ")} })`;
  return { statements: [`const request: ${spec} = ${request};`], sent };
}

/** `(page) => page.value`: the items of a page (`[]` where the property may be absent or null). */
export function itemsReader(paging: PagingIR, properties: readonly PropertyIR[]): string {
  if (paging.itemsProperty === undefined) return "(page) => page";
  const property = properties.find((p) => p.name === paging.itemsProperty);
  const nullable = property?.type.kind === "union" && property.type.variants.some((v) => v.kind === "null");
  return `(page) => ${propertyAccess("page", paging.itemsProperty)}${property?.required && !nullable ? "" : " ?? []"}`;
}

/** The runtime's reader of the continuation token after a page, for the convention. */
export function nextTokenReader(binder: ImportBinder, shape: OperationShape, paging: PagingIR): string {
  const runtime = (name: string): string => binder.value(modules.runtime("paging"), name);
  const { next } = paging;
  switch (next.kind) {
    case "next-link":
      return `${runtime("tokenIn")}((page) => ${propertyAccess("page", next.property)})`;
    case "link-header":
      return runtime("linkHeaderNext");
    case "cursor":
      return `${runtime("tokenIn")}((page) => ${propertyPath("page", next.property)})`;
    case "last-item":
      return `${runtime("afterLastItem")}((page) => ${propertyAccess("page", next.hasMoreProperty)}, (item) => ${propertyAccess("item", next.idProperty)})`;
    case "offset": {
      const param = shape.op.parameters.find((p) => p.in === "query" && p.name === next.parameter);
      const start = param ? valueOf(shape, param).expr : "undefined";
      const total =
        next.totalProperty === undefined
          ? "() => undefined"
          : `(page) => ${propertyAccess("page", next.totalProperty)}`;
      return `${runtime("offsetAfter")}(${start}, ${total})`;
    }
  }
}

/** `page.a?.b`: nested properties may be absent on the way. */
function propertyPath(expr: string, path: readonly string[]): string {
  const [head = "", ...rest] = path;
  const optional = (text: string, name: string): string => {
    const plain = propertyAccess("", name);
    return `${text}?${plain.startsWith("[") ? "." : ""}${plain}`;
  };
  return rest.reduce(optional, propertyAccess(expr, head));
}
