/**
 * `src/request-encoding.ts` (internal), only when an operation sends a form or multipart body or a
 * deepObject query: `application/x-www-form-urlencoded` and deepObject nesting (`a[b][c]=d`), and multipart
 * bodies encoded to bytes up front, so HMAC signing and retries see exactly what is sent.
 */
import type { FunctionDeclarationStructure } from "../../print/structures.ts";
import { docs } from "../shared/jsdoc.ts";
import { usesDeepObject } from "../shared/request-building.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { sourceFile, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

export function emitRequestEncoding(plan: PackagePlan): SourceFilePlan[] {
  const encodings = new Set(
    plan.api.operations.flatMap((op) =>
      (op.body ? [op.body, ...(op.body.alternatives ?? [])] : []).map((c) => c.encoding),
    ),
  );
  const deepObject = plan.api.operations.some((op) => usesDeepObject(plan, op));
  const functions: FunctionDeclarationStructure[] = [];
  if (encodings.has("form") || deepObject) functions.push(appendFormValue);
  if (encodings.has("form")) functions.push(formUrlEncoded);
  if (deepObject) functions.push(deepObjectQuery);
  if (encodings.has("multipart")) functions.push(multipartBody);
  if (functions.length === 0) return [];
  return [sourceFile(modules.requestEncoding, [], functions)];
}

const appendFormValue: FunctionDeclarationStructure = {
  kind: StructureKind.Function,
  name: "appendFormValue",
  parameters: [
    { name: "form", type: "URLSearchParams" },
    { name: "key", type: "string" },
    { name: "value", type: "unknown" },
  ],
  returnType: "void",
  docs: docs("Appends `value` under `key`: arrays repeat the key, objects nest as `key[name]`, dates are RFC 3339."),
  statements: [
    "if (value === undefined) return;",
    'if (value === null) form.append(key, "");',
    "else if (value instanceof Date) form.append(key, value.toISOString());",
    "else if (Array.isArray(value)) for (const item of value) appendFormValue(form, key, item);",
    'else if (typeof value === "object") for (const [name, item] of Object.entries(value)) appendFormValue(form, `${key}[${name}]`, item);',
    "else form.append(key, String(value));",
  ],
};

const formUrlEncoded: FunctionDeclarationStructure = {
  kind: StructureKind.Function,
  name: "formUrlEncoded",
  isExported: true,
  parameters: [{ name: "value", type: "object" }],
  returnType: "string",
  docs: docs("Encodes an object as `application/x-www-form-urlencoded`."),
  statements: [
    "const form = new URLSearchParams();",
    "const entries: [string, unknown][] = Object.entries(value);",
    "for (const [key, item] of entries) appendFormValue(form, key, item);",
    "return form.toString();",
  ],
};

const deepObjectQuery: FunctionDeclarationStructure = {
  kind: StructureKind.Function,
  name: "deepObjectQuery",
  isExported: true,
  parameters: [
    { name: "name", type: "string" },
    { name: "value", type: "object" },
  ],
  returnType: "Record<string, string[]>",
  docs: docs("Query parameters of an object sent deepObject-style: `name[key]=value`, nested objects as `name[a][b]`."),
  statements: [
    "const form = new URLSearchParams();",
    "appendFormValue(form, name, value);",
    "const query: Record<string, string[]> = {};",
    "form.forEach((item, key) => {\n  (query[key] ??= []).push(item);\n});",
    "return query;",
  ],
};

const multipartBody: FunctionDeclarationStructure = {
  kind: StructureKind.Function,
  name: "multipartBody",
  isExported: true,
  isAsync: true,
  parameters: [{ name: "value", type: "object" }],
  returnType: "Promise<{ contentType: string; bytes: Uint8Array }>",
  docs: docs(
    "Encodes an object as `multipart/form-data`: bytes and blobs as file parts, dates as RFC 3339, " +
      "objects as JSON, arrays as repeated parts.",
  ),
  statements: [
    "const form = new FormData();",
    "const entries: [string, unknown][] = Object.entries(value);",
    `for (const [key, item] of entries) {
  for (const part of Array.isArray(item) ? (item as unknown[]) : [item]) {
    if (part === undefined) continue;
    if (part instanceof Blob) form.append(key, part);
    else if (part instanceof Uint8Array) form.append(key, new Blob([new Uint8Array(part)]));
    else if (part instanceof Date) form.append(key, part.toISOString());
    else if (typeof part === "object" && part !== null) form.append(key, JSON.stringify(part));
    else form.append(key, String(part));
  }
}`,
    "// Response encodes the form exactly as fetch would, boundary included.",
    "const encoded = new Response(form);",
    `return {
  contentType: encoded.headers.get("content-type") ?? "multipart/form-data",
  bytes: new Uint8Array(await encoded.arrayBuffer()),
};`,
  ],
};
