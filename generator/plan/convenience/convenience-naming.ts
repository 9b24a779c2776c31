/**
 * The `convenience` section of a service's naming file (`spec/<service>/cli.yaml`): methods named
 * the way a known SDK names them (`createUser`, `getToken(user, scopes, options)`), each mapped onto
 * one operation of the generated client, with the types they take and return. This module only
 * reads and shape-checks the section; whether the operations, fields and types it names exist is
 * checked against the API by `convenience-model.ts`. The format is described in
 * `generator/emit/cli/README.md` ("Convenience methods").
 */
import type { Diagnostic } from "../../diagnostics/diagnostics.ts";

export interface ConvenienceNaming {
  /** The class's name; absent: the generated client's name (the convenience class then replaces it). */
  readonly client?: string;
  readonly description?: string;
  readonly types: readonly ConvenienceType[];
  readonly methods: readonly ConvenienceMethod[];
}

/** An interface the convenience layer declares. */
export interface ConvenienceType {
  readonly pointer: string;
  readonly name: string;
  readonly description?: string;
  /** A declared type, or `RequestOptions` (the type is then an options bag). */
  readonly extends?: string;
  readonly properties: readonly ConvenienceMember[];
}

/** A property of a declared type, or a parameter of a method. */
export interface ConvenienceMember {
  readonly pointer: string;
  readonly name: string;
  readonly optional: boolean;
  /** `Name` or `Name[]`: a primitive, `Date`, `RequestOptions`, a declared type or a model of the API. */
  readonly type: string;
  readonly description?: string;
}

export interface ConvenienceMethod {
  readonly pointer: string;
  readonly name: string;
  readonly summary?: string;
  /** The operation's function name (`issueAccessToken`) or its operationId. */
  readonly operation: string;
  /** Positional parameters, in order. */
  readonly parameters: readonly ConvenienceMember[];
  /** Target (`id`, `body`, `body.scopes`) <- source (`user.communicationUserId`, `options.tokenExpiresInMinutes`), in file order. */
  readonly arguments: readonly { readonly pointer: string; readonly target: string; readonly source: string }[];
  readonly returns?: string;
  /** How the result is built from the operation's result; absent: the operation's result as it is. */
  readonly result?: ResultMapping;
}

/** A dotted path into the operation's result, or an object whose fields are mappings. */
export type ResultMapping =
  | { readonly pointer: string; readonly kind: "path"; readonly path: readonly string[] }
  | {
      readonly pointer: string;
      readonly kind: "object";
      readonly fields: readonly { readonly name: string; readonly value: ResultMapping }[];
    };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const TYPE_TEXT = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\[\])?$/;
const PATH = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

type Json = unknown;
const isRecord = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Reads `convenience` of the naming file; `problem` builds the file's diagnostic at a pointer.
 * Returns undefined (with diagnostics) when the section is malformed.
 */
export function parseConvenience(
  value: Json,
  problem: (pointer: string, message: string) => Diagnostic,
): { value?: ConvenienceNaming; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fail = (pointer: string, message: string): undefined => {
    diagnostics.push(problem(pointer, message));
    return undefined;
  };
  const at = "/convenience";
  if (!isRecord(value))
    return { diagnostics: [problem(at, "`convenience` must be a mapping (client, description, types, methods)")] };
  const onlyKeys = (record: Record<string, Json>, pointer: string, keys: readonly string[]) => {
    for (const k of Object.keys(record))
      if (!keys.includes(k)) fail(`${pointer}/${escapePointer(k)}`, `unknown key "${k}" (known: ${keys.join(", ")})`);
  };
  const text = (v: Json, pointer: string, what: string): string | undefined =>
    typeof v === "string" && v.trim() !== "" ? v.trim() : fail(pointer, `${what} must be a non-empty string`);
  const optionalText = (v: Json, pointer: string, what: string) =>
    v === undefined ? undefined : text(v, pointer, what);
  const identifier = (name: string, pointer: string, what: string): string | undefined =>
    IDENTIFIER.test(name) ? name : fail(pointer, `${what} "${name}" must be a TypeScript identifier`);
  const entries = (v: Json, pointer: string, what: string): [string, Json][] => {
    if (v === undefined) return [];
    return isRecord(v) ? Object.entries(v) : (fail(pointer, `${what} must be a mapping`) ?? []);
  };

  /** `name: Type`, `name?: Type` or `name: { type, description }`. */
  const members = (v: Json, pointer: string, what: string): ConvenienceMember[] =>
    entries(v, pointer, what).flatMap(([key, spec]): ConvenienceMember[] => {
      const mat = `${pointer}/${escapePointer(key)}`;
      const optional = key.endsWith("?");
      const name = identifier(optional ? key.slice(0, -1) : key, mat, "a name");
      const body = isRecord(spec) ? spec : { type: spec };
      onlyKeys(body, mat, ["type", "description"]);
      const type = text(body["type"], isRecord(spec) ? `${mat}/type` : mat, "a type");
      if (type !== undefined && !TYPE_TEXT.test(type))
        return (
          fail(
            mat,
            `type "${type}" must be a type name, optionally followed by [] (e.g. CommunicationUserIdentifier, string[])`,
          ) ?? []
        );
      const description = optionalText(body["description"], `${mat}/description`, "`description`");
      return name === undefined || type === undefined
        ? []
        : [{ pointer: mat, name, optional, type, ...(description ? { description } : {}) }];
    });

  const result = (v: Json, pointer: string): ResultMapping | undefined => {
    if (typeof v === "string") {
      return PATH.test(v.trim())
        ? { pointer, kind: "path", path: v.trim().split(".") }
        : fail(pointer, `"${v}" must be a dotted path into the operation's result (e.g. accessToken.token)`);
    }
    if (!isRecord(v) || Object.keys(v).length === 0)
      return fail(
        pointer,
        "a result is a dotted path into the operation's result, or a mapping of fields to such paths",
      );
    const fields = Object.entries(v).flatMap(([name, inner]) => {
      const fat = `${pointer}/${escapePointer(name)}`;
      const mapped = identifier(name, fat, "a field") === undefined ? undefined : result(inner, fat);
      return mapped ? [{ name, value: mapped }] : [];
    });
    return { pointer, kind: "object", fields };
  };

  onlyKeys(value, at, ["client", "description", "types", "methods"]);
  const client = value["client"] === undefined ? undefined : text(value["client"], `${at}/client`, "`client`");
  if (client !== undefined) identifier(client, `${at}/client`, "`client`");
  const description = optionalText(value["description"], `${at}/description`, "`description`");

  const types = entries(value["types"], `${at}/types`, "`types`").flatMap(([name, spec]): ConvenienceType[] => {
    const tat = `${at}/types/${escapePointer(name)}`;
    if (identifier(name, tat, "a type name") === undefined) return [];
    if (!isRecord(spec)) return fail(tat, "a type must be a mapping (description, extends, properties)") ?? [];
    onlyKeys(spec, tat, ["description", "extends", "properties"]);
    const base = optionalText(spec["extends"], `${tat}/extends`, "`extends`");
    const doc = optionalText(spec["description"], `${tat}/description`, "`description`");
    const properties = members(spec["properties"], `${tat}/properties`, "`properties`");
    return [
      { pointer: tat, name, properties, ...(doc ? { description: doc } : {}), ...(base ? { extends: base } : {}) },
    ];
  });

  const methods = entries(value["methods"], `${at}/methods`, "`methods`").flatMap(
    ([name, spec]): ConvenienceMethod[] => {
      const mat = `${at}/methods/${escapePointer(name)}`;
      if (identifier(name, mat, "a method name") === undefined) return [];
      if (!isRecord(spec))
        return (
          fail(mat, "a method must be a mapping (summary, operation, parameters, arguments, returns, result)") ?? []
        );
      onlyKeys(spec, mat, ["summary", "operation", "parameters", "arguments", "returns", "result"]);
      const operation = text(spec["operation"], `${mat}/operation`, "`operation`");
      const summary = optionalText(spec["summary"], `${mat}/summary`, "`summary`");
      const parameters = members(spec["parameters"], `${mat}/parameters`, "`parameters`");
      const args = entries(spec["arguments"], `${mat}/arguments`, "`arguments`").flatMap(([target, source]) => {
        const aat = `${mat}/arguments/${escapePointer(target)}`;
        if (!PATH.test(target))
          return fail(aat, `target "${target}" must be a parameter of the operation, body or body.<property>`) ?? [];
        const from = text(source, aat, "an argument's source");
        if (from !== undefined && !PATH.test(from))
          return (
            fail(
              aat,
              `source "${from}" must be a parameter of the method or a dotted path from one (e.g. user.communicationUserId)`,
            ) ?? []
          );
        return from === undefined ? [] : [{ pointer: aat, target, source: from }];
      });
      const returns = optionalText(spec["returns"], `${mat}/returns`, "`returns`");
      if (returns !== undefined && !TYPE_TEXT.test(returns))
        fail(`${mat}/returns`, `type "${returns}" must be a type name, optionally followed by []`);
      const mapped = spec["result"] === undefined ? undefined : result(spec["result"], `${mat}/result`);
      if (mapped && returns === undefined) fail(`${mat}/result`, "a `result` needs `returns`, the type it builds");
      return operation === undefined
        ? []
        : [
            {
              pointer: mat,
              name,
              operation,
              parameters,
              arguments: args,
              ...(summary ? { summary } : {}),
              ...(returns ? { returns } : {}),
              ...(mapped ? { result: mapped } : {}),
            },
          ];
    },
  );
  const parsed: ConvenienceNaming = {
    types,
    methods,
    ...(client ? { client } : {}),
    ...(description ? { description } : {}),
  };
  return diagnostics.length > 0 ? { diagnostics } : { value: parsed, diagnostics };
}
