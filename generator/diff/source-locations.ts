/**
 * Where a finding is in each document: the engine compares IRs, which keep no positions, so each
 * change carries an `Anchor` (its operation part, model or document place on both sides) and its
 * steps below it, and this module walks the OpenAPI document itself to the node: following `$ref`s
 * (into other files of a split document), `allOf`/`anyOf`/`oneOf` members, `items` and
 * `additionalProperties`. Only findings are located, and line/column come from the loader's lazy
 * position index, so a diff with no findings pays nothing.
 */
import { dirname, join, relative, sep } from "node:path";
import { placeOfType } from "../ir/build-ir.ts";
import type { ApiIR } from "../ir/types.ts";
import { appendPointer, isObject, isRefFailure, type LoadedDocument } from "../openapi/load-openapi.ts";
import type { Anchor, AnchorPart, Change, ChangeKind, OperationRef, SourcePosition } from "./types.ts";

/** One side of a diff as the locator needs it: the loaded document, its IR, and how to name its file. */
export interface LocatedSide {
  readonly document: LoadedDocument;
  readonly api: ApiIR;
  /** How the report names the main file (the user's path); other files are named relative to it. */
  readonly label: string;
}

/** A node of a document: the file it is in, its pointer there, its value. */
interface Node {
  readonly file: string;
  readonly pointer: string;
  readonly value: unknown;
}

/** Compositions searched for a property or `items` the IR flattened into one type. */
const COMPOSITIONS = ["allOf", "anyOf", "oneOf"] as const;
/** How deep compositions are searched (they nest rarely more than twice). */
const MAX_SEARCH = 6;

/**
 * Changes of a parameter, body, response or header itself, found at that object; the others are
 * changes of its type, found at its schema.
 */
const CONTAINER_KINDS: ReadonlySet<ChangeKind> = new Set<ChangeKind>([
  "path-parameter-renamed",
  "parameter-added",
  "parameter-removed",
  "parameter-required-changed",
  "parameter-location-changed",
  "parameter-serialization-changed",
  "parameter-default-changed",
  "parameter-deprecated",
  "request-body-added",
  "request-body-removed",
  "request-body-required-changed",
  "media-type-changed",
  "status-added",
  "status-removed",
  "response-body-added",
  "response-body-removed",
  "header-added",
  "header-removed",
  "header-required-changed",
]);

/** The old and new positions of a change; each side falls back to the nearest existing parent. */
export function locateChange(
  change: Change,
  old: LocatedSide,
  now: LocatedSide,
): { oldAt?: SourcePosition; newAt?: SourcePosition } {
  if (!change.anchor) return {};
  const steps = change.steps ?? [];
  const schema = steps.length > 0 || !CONTAINER_KINDS.has(change.kind);
  return {
    oldAt: locate(old, change.anchor, "old", steps, schema),
    newAt: locate(now, change.anchor, "new", steps, schema),
  };
}

function locate(
  side: LocatedSide,
  anchor: Anchor,
  which: "old" | "new",
  steps: readonly string[],
  schema: boolean,
): SourcePosition {
  const walker = new Walker(side.document);
  let node = walker.root();
  if (anchor.kind === "document") node = walker.pointer(anchor.pointer);
  else if (anchor.kind === "model") {
    const place = placeOfType(side.api, anchor[which]);
    const found = place ? walker.at(place.file, place.pointer) : undefined;
    node = found ?? walker.pointer("/components/schemas");
    if (found) node = walker.steps(found, steps);
  } else {
    const op = anchor[which];
    const start = op ? walker.operation(op) : undefined;
    node = start ? walker.steps(walker.part(start, anchor.part, which, schema), steps) : walker.pointer("/paths");
  }
  const at = side.document.locate(node.pointer, node.file);
  return {
    file: displayName(side, node.file),
    pointer: node.pointer,
    ...(at.line !== undefined ? { line: at.line, column: at.column ?? 1 } : {}),
  };
}

/** The main file as the user named it; another file of a split document relative to it, `/`-separated. */
function displayName(side: LocatedSide, file: string): string {
  if (file === side.document.file) return side.label;
  return join(dirname(side.label), relative(dirname(side.document.file), file))
    .split(sep)
    .join("/");
}

class Walker {
  readonly #document: LoadedDocument;
  constructor(document: LoadedDocument) {
    this.#document = document;
  }

  root(): Node {
    return { file: this.#document.file, pointer: "", value: this.#document.root };
  }

  /** The node at `pointer` of `file`, or undefined when nothing is there. */
  at(file: string, pointer: string): Node | undefined {
    const target = this.#document.resolveRef(`#${pointer.replace(/%/g, "%25")}`, file);
    return isRefFailure(target) ? undefined : target;
  }

  /** The deepest existing node along `pointer` of the main file. */
  pointer(pointer: string): Node {
    let node = this.root();
    for (const raw of pointer === "" ? [] : pointer.slice(1).split("/"))
      node = this.key(node, raw.replace(/~1/g, "/").replace(/~0/g, "~")) ?? node;
    return node;
  }

  /** `$ref`s followed to the node they name (a cycle of refs stops where it closes). */
  deref(node: Node): Node {
    const seen = new Set<string>();
    let current = node;
    for (let ref = refOf(current.value); ref !== undefined && !seen.has(ref); ref = refOf(current.value)) {
      seen.add(ref);
      const target = this.#document.resolveRef(ref, current.file);
      if (isRefFailure(target)) break;
      current = target;
    }
    return current;
  }

  /** A child by key (after following the parent's `$ref`s), or undefined. */
  key(node: Node, key: string): Node | undefined {
    const parent = this.deref(node);
    const value = parent.value;
    if (Array.isArray(value))
      return value[Number(key)] === undefined
        ? undefined
        : { file: parent.file, pointer: appendPointer(parent.pointer, key), value: value[Number(key)] };
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    return { file: parent.file, pointer: appendPointer(parent.pointer, key), value: value[key] };
  }

  /** The keys of an object node (after its `$ref`s). */
  keys(node: Node): string[] {
    const value = this.deref(node).value;
    return isObject(value) ? Object.keys(value) : [];
  }

  operation(op: OperationRef): Node | undefined {
    const paths = this.key(this.root(), "paths");
    const item = paths && this.key(paths, op.path);
    return item && this.key(item, op.method.toLowerCase());
  }

  /** The part of an operation a change is in, or the operation when it is missing on this side. */
  part(op: Node, part: AnchorPart | undefined, which: "old" | "new", schema: boolean): Node {
    if (!part) return op;
    const schemaOf = (node: Node) => (schema ? this.schemaOf(node) : node);
    switch (part.kind) {
      case "security":
        return this.key(op, "security") ?? op;
      case "request-body": {
        const body = this.key(op, "requestBody");
        return body ? schemaOf(body) : op;
      }
      case "parameter": {
        const wanted = part[which];
        if (!wanted) return this.key(op, "parameters") ?? op;
        const found = this.parameter(op, wanted.in, wanted.name);
        return found ? schemaOf(found) : (this.key(op, "parameters") ?? op);
      }
      case "response": {
        const responses = this.key(op, "responses");
        const response = responses && this.key(responses, part.status);
        if (!response) return responses ?? op;
        if (part.header !== undefined) {
          const headers = this.key(response, "headers");
          const name = headers && this.keys(headers).find((h) => h.toLowerCase() === part.header!.toLowerCase());
          const header = headers && name !== undefined ? this.key(headers, name) : undefined;
          return header ? schemaOf(header) : (headers ?? response);
        }
        return part.body ? schemaOf(response) : response;
      }
    }
  }

  /** An operation's parameter (its own, then the path item's), matched as the IR matches them. */
  parameter(op: Node, where: string, name: string): Node | undefined {
    const itemPointer = op.pointer.slice(0, op.pointer.lastIndexOf("/"));
    const item = this.at(op.file, itemPointer);
    for (const holder of [op, item]) {
      const list = holder && this.key(holder, "parameters");
      const values = list ? this.deref(list).value : undefined;
      if (!list || !Array.isArray(values)) continue;
      for (let i = 0; i < values.length; i++) {
        const p = this.key(list, String(i));
        const value = p ? this.deref(p).value : undefined;
        if (!isObject(value) || value["in"] !== where) continue;
        const same =
          where === "header" ? String(value["name"]).toLowerCase() === name.toLowerCase() : value["name"] === name;
        if (same) return p;
      }
    }
    return undefined;
  }

  /** `schema`, or the schema of the JSON (else first) media type of `content`; the node itself without. */
  schemaOf(node: Node): Node {
    const direct = this.key(node, "schema");
    if (direct) return direct;
    const content = this.key(node, "content");
    const types = content ? this.keys(content) : [];
    const media = types.find((t) => /[/+]json\b/.test(t)) ?? types[0];
    const chosen = content && media !== undefined ? this.key(content, media) : undefined;
    return (chosen && this.key(chosen, "schema")) ?? chosen ?? node;
  }

  /** Walks the cursor's steps; a step that finds nothing leaves the walk at the last node found. */
  steps(start: Node, steps: readonly string[]): Node {
    let node = start;
    for (const step of steps) {
      const next = this.step(node, step, 0);
      if (!next) return this.deref(node);
      node = next;
    }
    return node;
  }

  step(node: Node, step: string, depth: number): Node | undefined {
    if (step.startsWith("|")) return node; // a union variant: the properties below are searched in every member
    const direct = this.direct(node, step);
    if (direct || depth >= MAX_SEARCH) return direct;
    for (const keyword of COMPOSITIONS) {
      const members = this.key(node, keyword);
      const list = members ? this.deref(members).value : undefined;
      if (!members || !Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const member = this.key(members, String(i));
        const found = member && this.step(member, step, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** One step on the schema itself: `.name`/`["name"]` a property, `[]` items, `{}` map values, `&i` an `allOf` member. */
  direct(node: Node, step: string): Node | undefined {
    if (step === "[]") return this.key(node, "items");
    if (step === "{}") {
      const extra = this.key(node, "additionalProperties") ?? this.key(node, "unevaluatedProperties");
      return extra && typeof extra.value === "object" ? extra : undefined;
    }
    if (step.startsWith("&")) {
      const members = this.key(node, "allOf");
      return members && this.key(members, step.slice(1));
    }
    const name = step.startsWith("[") ? (JSON.parse(step.slice(1, -1)) as string) : step.slice(1);
    const properties = this.key(node, "properties");
    return properties && this.key(properties, name);
  }
}

const refOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value["$ref"] === "string" ? value["$ref"] : undefined;
