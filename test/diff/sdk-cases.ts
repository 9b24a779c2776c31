/**
 * The SDK rules' table: two tiny generated packages (old, new) and the changes a user of the
 * package sees, as `[ruleId, level, export, member]`, each with a one-line comment saying why.
 *
 * Every package has `getThing(context, id, options?)` returning `Thing` (an output model) and
 * `putThing(context, body: ThingInput, options?)` taking `ThingInput` (an input model), so a
 * model's way (`sdk-usage.ts`) comes from the functions, as in a generated package.
 */
import type { OutputFile } from "../../generator/output/write-tree.ts";

export type Expected = [ruleId: string, level: "error" | "warning" | "info", exportName: string, member?: string];

export interface SdkCase {
  readonly name: string;
  /** Why the change does or does not break code using the package. */
  readonly why: string;
  readonly old: readonly OutputFile[];
  readonly new: readonly OutputFile[];
  readonly expected: readonly Expected[];
}

interface Parts {
  /** Body of `models.ts` besides `Thing` and `ThingInput`. */
  readonly models?: string;
  readonly thing?: string;
  readonly thingInput?: string;
  readonly getThing?: string;
  readonly putThing?: string;
  /** Extra statements of `api.ts`. */
  readonly api?: string;
  /** The index's named exports of `api.ts` (default: everything it declares). */
  readonly index?: string;
}

const BASE = {
  thing: "id: string;\n  name?: string;",
  thingInput: "name: string;\n  size?: number;",
  getThing: "context: Context, id: string, options: GetThingOptions = {}): Promise<Thing>",
  putThing: "context: Context, body: ThingInput, options: PutThingOptions = {}): Promise<void>",
};

/** The files of one tiny package. */
export function pkg(parts: Parts = {}): OutputFile[] {
  const p = { ...BASE, ...parts };
  const models = `/** A thing. */\nexport interface Thing {\n  ${p.thing}\n}\n\nexport interface ThingInput {\n  ${p.thingInput}\n}\n${p.models ?? ""}\n`;
  const api = [
    'import type { Thing, ThingInput } from "./models.js";',
    "export interface Context { readonly endpoint: string }",
    "export interface GetThingOptions { signal?: AbortSignal }",
    "export interface PutThingOptions { signal?: AbortSignal }",
    `/** Gets a thing. */\nexport async function getThing(${p.getThing} { throw new Error(String(context) + String(options)); }`,
    `export async function putThing(${p.putThing} { throw new Error(String(context) + String(options)); }`,
    p.api ?? "",
  ].join("\n");
  const names = p.index ?? "type Context, getThing, type GetThingOptions, putThing, type PutThingOptions";
  const index = `// Generated.\nexport { ${names} } from "./api.js";\nexport * from "./models.js";\n`;
  return [
    { path: "src/index.ts", content: index },
    { path: "src/models.ts", content: models },
    { path: "src/api.ts", content: api },
  ];
}

const c = (name: string, why: string, old: Parts, now: Parts, expected: Expected[]): SdkCase => ({
  name,
  why,
  old: pkg(old),
  new: pkg(now),
  expected,
});

export const SDK_CASES: readonly SdkCase[] = [
  c("nothing changed", "the same package twice has no change", {}, {}, []),
  c(
    "documentation only",
    "JSDoc and comments are not part of the API",
    { thing: "id: string;\n  name?: string;" },
    { thing: "/** The id. */ id: string; // the key\n  name?: string;" },
    [],
  ),
  c("export added", "existing code does not use a new export", {}, { models: "export type Colour = string;" }, [
    ["sdk-export-added", "info", "Colour"],
  ]),
  c("export removed", "imports of it no longer compile", { models: "export type Colour = string;" }, {}, [
    ["sdk-export-removed", "error", "Colour"],
  ]),
  c(
    "model renamed, wire no-op",
    "a component renamed on the wire changes no byte sent, but imports of the old name break; references follow the rename",
    {
      models: "export interface Shape { corners: number }",
      api: "export function area(shape: Shape): number { return shape.corners; }",
      index: "area, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      models: "export interface Polygon { corners: number }",
      api: "export function area(shape: Polygon): number { return shape.corners; }",
      index: "area, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [["sdk-export-renamed", "error", "Polygon"]],
  ),
  c(
    "operation renamed: function and client method",
    "the client's method is named after the function and renamed with it, not removed and added",
    {
      api: "export function findThing(id: string): string { return id; }\nexport class ThingClient { findThing(id: string): string { return id; } }",
      index: "findThing, ThingClient, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      api: "export function locateThing(id: string): string { return id; }\nexport class ThingClient { locateThing(id: string): string { return id; } }",
      index: "locateThing, ThingClient, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [
      ["sdk-method-renamed", "error", "ThingClient", "locateThing"],
      ["sdk-export-renamed", "error", "locateThing"],
    ],
  ),
  c(
    "alias inlined",
    "a shared schema inlined (Twilio bulkexports 1.10 -> 1.13): the alias's import breaks, the property keeps the same type",
    { models: "export type Colour = string | null;", thing: "id: string;\n  colour?: Colour;" },
    { thing: "id: string;\n  colour?: string | null;" },
    [["sdk-export-removed", "error", "Colour"]],
  ),
  c(
    "kind changed",
    "an interface that becomes a type alias cannot be extended or merged any more",
    { models: "export interface Tag { key: string }" },
    { models: "export type Tag = { key: string };" },
    [["sdk-export-kind-changed", "warning", "Tag"]],
  ),
  c(
    "value export became type-only",
    "`getThing(...)` is a value use; a type-only export cannot be called",
    {},
    { index: "type Context, type getThing, type GetThingOptions, putThing, type PutThingOptions" },
    [["sdk-export-became-type-only", "error", "getThing"]],
  ),
  c(
    "required parameter added",
    "existing calls pass too few arguments",
    {},
    { getThing: "context: Context, id: string, version: string, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-parameter-added-required", "error", "getThing", "(version)"]],
  ),
  c(
    "optional parameter appended",
    "existing calls still compile",
    {},
    { getThing: "context: Context, id: string, options: GetThingOptions = {}, extra?: string): Promise<Thing>" },
    [["sdk-parameter-added-optional", "info", "getThing", "(extra)"]],
  ),
  c(
    "optional parameter inserted",
    "the caller's `options` argument now lands in `body`",
    {},
    { getThing: "context: Context, id: string, body?: string, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-parameter-inserted", "error", "getThing", "(body)"]],
  ),
  c(
    "parameter removed",
    "calls passing it no longer compile",
    {},
    { getThing: "context: Context, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-parameter-removed", "error", "getThing", "(id)"]],
  ),
  c(
    "parameter renamed in place",
    "arguments are positional",
    {},
    { getThing: "context: Context, thingId: string, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-parameter-renamed", "info", "getThing", "(thingId)"]],
  ),
  c(
    "parameters reordered",
    "callers pass the arguments in the old order",
    { getThing: "context: Context, id: string, name: string, options: GetThingOptions = {}): Promise<Thing>" },
    { getThing: "context: Context, name: string, id: string, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-parameters-reordered", "error", "getThing"]],
  ),
  c(
    "parameter became optional",
    "existing calls still pass it",
    {},
    { getThing: "context: Context, id?: string, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-parameter-became-optional", "info", "getThing", "(id)"]],
  ),
  c(
    "parameter became required",
    "calls that leave it out no longer compile",
    { getThing: "context: Context, id?: string, options: GetThingOptions = {}): Promise<Thing>" },
    {},
    [["sdk-parameter-became-required", "error", "getThing", "(id)"]],
  ),
  c(
    "parameter type widened",
    "every argument accepted before is still accepted",
    {},
    { getThing: "context: Context, id: string | number, options: GetThingOptions = {}): Promise<Thing>" },
    [["sdk-type-widened", "info", "getThing", "(id)"]],
  ),
  c(
    "parameter type narrowed",
    "callers passing a number no longer compile",
    { getThing: "context: Context, id: string | number, options: GetThingOptions = {}): Promise<Thing>" },
    {},
    [["sdk-type-narrowed", "error", "getThing", "(id)"]],
  ),
  c(
    "return type widened",
    "code using the result as a `Thing` must now handle `undefined`",
    {},
    { getThing: "context: Context, id: string, options: GetThingOptions = {}): Promise<Thing | undefined>" },
    [["sdk-type-widened", "error", "getThing"]],
  ),
  c(
    "return type narrowed",
    "every result is still of the old type",
    { getThing: "context: Context, id: string, options: GetThingOptions = {}): Promise<Thing | undefined>" },
    {},
    [["sdk-type-narrowed", "info", "getThing"]],
  ),
  c(
    "return type changed",
    "code reading a `Thing` gets a string",
    {},
    { getThing: "context: Context, id: string, options: GetThingOptions = {}): Promise<string>" },
    [["sdk-type-changed", "error", "getThing"]],
  ),
  c(
    "overload removed",
    "calls that matched the removed signature no longer compile",
    {
      api: "export function pick(a: string): string;\nexport function pick(a: number): number;\nexport function pick(a: unknown): unknown { return a; }",
      index: "pick, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      api: "export function pick(a: string): string;\nexport function pick(a: unknown): unknown { return a; }",
      index: "pick, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [["sdk-overload-removed", "error", "pick"]],
  ),
  c(
    "overload added",
    "existing calls match the signature they matched before",
    {
      api: "export function pick(a: string): string;\nexport function pick(a: unknown): unknown { return a; }",
      index: "pick, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      api: "export function pick(a: string): string;\nexport function pick(a: number): number;\nexport function pick(a: unknown): unknown { return a; }",
      index: "pick, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [["sdk-overload-added", "info", "pick"]],
  ),
  c(
    "output property added, required",
    "code reading `Thing` is unaffected",
    {},
    { thing: "id: string;\n  name?: string;\n  createdAt: Date;" },
    [["sdk-property-added-required", "info", "Thing", "createdAt"]],
  ),
  c(
    "input property added, required",
    "object literals of `ThingInput` no longer compile without it",
    {},
    { thingInput: "name: string;\n  size?: number;\n  colour: string;" },
    [["sdk-property-added-required", "error", "ThingInput", "colour"]],
  ),
  c(
    "input property added, optional",
    "object literals keep compiling",
    {},
    { thingInput: "name: string;\n  size?: number;\n  colour?: string;" },
    [["sdk-property-added-optional", "info", "ThingInput", "colour"]],
  ),
  c("output property removed", "code reading it no longer compiles", {}, { thing: "id: string;" }, [
    ["sdk-property-removed", "error", "Thing", "name"],
  ]),
  c(
    "input property removed",
    "object literals that set it fail the excess property check",
    {},
    { thingInput: "name: string;" },
    [["sdk-property-removed", "error", "ThingInput", "size"]],
  ),
  c(
    "output property became optional",
    "code reading it must now handle `undefined`",
    {},
    { thing: "id?: string;\n  name?: string;" },
    [["sdk-property-became-optional", "error", "Thing", "id"]],
  ),
  c(
    "input property became optional",
    "object literals that set it still compile",
    {},
    { thingInput: "name?: string;\n  size?: number;" },
    [["sdk-property-became-optional", "info", "ThingInput", "name"]],
  ),
  c(
    "input property became required",
    "object literals that leave it out no longer compile",
    {},
    { thingInput: "name: string;\n  size: number;" },
    [["sdk-property-became-required", "error", "ThingInput", "size"]],
  ),
  c(
    "output property became required",
    "it is now always there to read",
    {},
    { thing: "id: string;\n  name: string;" },
    [["sdk-property-became-required", "info", "Thing", "name"]],
  ),
  c(
    "property became readonly",
    "code assigning to it no longer compiles",
    {},
    { thing: "readonly id: string;\n  name?: string;" },
    [["sdk-property-became-read-only", "warning", "Thing", "id"]],
  ),
  c(
    "property no longer readonly",
    "code that only read it still compiles",
    { thing: "readonly id: string;\n  name?: string;" },
    {},
    [["sdk-property-became-mutable", "info", "Thing", "id"]],
  ),
  c(
    "const value changed",
    "code using the const compiles but sees another value",
    { models: 'export const API_VERSION = "1";' },
    { models: 'export const API_VERSION = "2";' },
    [["sdk-const-changed", "warning", "API_VERSION"]],
  ),
  c(
    "output property widened",
    "code using `name` as a string must now handle null",
    {},
    { thing: "id: string;\n  name?: string | null;" },
    [["sdk-type-widened", "error", "Thing", "name"]],
  ),
  c(
    "input property narrowed",
    "callers passing other strings no longer compile",
    {},
    { thingInput: 'name: "a" | "b";\n  size?: number;' },
    [["sdk-type-narrowed", "error", "ThingInput", "name"]],
  ),
  c(
    "extensible union gains a known value",
    "`(string & {})` admits any string before and after; only the suggestions changed",
    { thing: "id: string;\n  name?: Colour;", models: 'export type Colour = "red" | (string & {});' },
    { thing: "id: string;\n  name?: Colour;", models: 'export type Colour = "red" | "blue" | (string & {});' },
    [["sdk-known-values-changed", "info", "Colour"]],
  ),
  c(
    "closed output union gains a value",
    "exhaustive switches over the received value no longer compile",
    { thing: "id: string;\n  name?: Colour;", models: 'export type Colour = "red" | "green";' },
    { thing: "id: string;\n  name?: Colour;", models: 'export type Colour = "red" | "green" | "blue";' },
    [["sdk-type-widened", "error", "Colour"]],
  ),
  c(
    "closed input union gains a value",
    "every value callers passed is still accepted",
    { thingInput: "name: Colour;", models: 'export type Colour = "red" | "green";' },
    { thingInput: "name: Colour;", models: 'export type Colour = "red" | "green" | "blue";' },
    [["sdk-type-widened", "info", "Colour"]],
  ),
  c(
    "type used both ways takes the worse level",
    "a new required property breaks the literals callers build, even though readers are fine",
    {
      thing: "id: string;\n  tag?: Tag;",
      thingInput: "name: string;\n  tag?: Tag;",
      models: "export interface Tag { key: string }",
    },
    {
      thing: "id: string;\n  tag?: Tag;",
      thingInput: "name: string;\n  tag?: Tag;",
      models: "export interface Tag { key: string; value: string }",
    },
    [["sdk-property-added-required", "error", "Tag", "value"]],
  ),
  c(
    "Known const gains, loses and changes values",
    "a new value is unused; a removed one breaks `KnownColour.Green`; a changed one compiles but sends another value",
    { models: 'export const KnownColour = { Red: "red", Green: "green", Blue: "blue" } as const;' },
    { models: 'export const KnownColour = { Red: "red", Blue: "navy", Black: "black" } as const;' },
    [
      ["sdk-const-member-added", "info", "KnownColour", "Black"],
      ["sdk-const-member-changed", "warning", "KnownColour", "Blue"],
      ["sdk-const-member-removed", "error", "KnownColour", "Green"],
    ],
  ),
  c(
    "generic parameters changed",
    "code supplying one type argument no longer compiles",
    { models: "export interface Page<T> { items: T[] }" },
    { models: "export interface Page<T, U> { items: T[]; next?: U }" },
    [
      ["sdk-type-parameters-changed", "error", "Page"],
      ["sdk-property-added-optional", "info", "Page", "next"],
    ],
  ),
  c(
    "extends changed",
    "inherited members may have appeared or gone",
    { models: "export interface Base { a?: string }\nexport interface Leaf { b?: string }" },
    { models: "export interface Base { a?: string }\nexport interface Leaf extends Base { b?: string }" },
    [["sdk-extends-changed", "warning", "Leaf"]],
  ),
  c(
    "client class gains and loses methods",
    "a new method is not called by existing code; calls of a removed one no longer compile",
    {
      api: "export class Client { constructor(endpoint: string) { void endpoint; } getThing(id: string): Promise<Thing> { throw new Error(id); } ping(): void {} }",
      index: "Client, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      api: "export class Client { constructor(endpoint: string) { void endpoint; } getThing(id: string): Promise<Thing> { throw new Error(id); } list(): Promise<Thing[]> { throw new Error(); } }",
      index: "Client, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [
      ["sdk-method-added", "info", "Client", "list"],
      ["sdk-method-removed", "error", "Client", "ping"],
    ],
  ),
  c(
    "method added to an interface user code implements",
    "implementations of a credential the user passes in no longer compile",
    {
      models: "export interface Credential { getToken(scope: string): Promise<string> }",
      getThing: "context: Context, id: string, credential: Credential, options: GetThingOptions = {}): Promise<Thing>",
    },
    {
      models: "export interface Credential { getToken(scope: string): Promise<string>; refresh(): void }",
      getThing: "context: Context, id: string, credential: Credential, options: GetThingOptions = {}): Promise<Thing>",
    },
    [["sdk-method-added", "error", "Credential", "refresh"]],
  ),
  c(
    "method gone from the class a client extends",
    "a client extending a class of the package (the convenience layer) offers the base's methods: calls of a removed one no longer compile",
    {
      models: "export class Base { ping(): void {} }",
      api: 'import { Base as GeneratedBase } from "./models.js";\nexport class Client extends GeneratedBase { hello(): void {} }',
      index: "Client, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      models: "export class Base {}",
      api: 'import { Base as GeneratedBase } from "./models.js";\nexport class Client extends GeneratedBase { hello(): void {} }',
      index: "Client, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [
      ["sdk-method-removed", "error", "Base", "ping"],
      ["sdk-method-removed", "error", "Client", "ping"],
    ],
  ),
  c(
    "private class members do not count",
    "`#state` and `private` members are not part of the API",
    {
      api: "export class Client { #state = 1; private cache = 2; ping(): number { return this.#state + this.cache; } }",
      index: "Client, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    {
      api: "export class Client { #other = 1; private store = 2; ping(): number { return this.#other + this.store; } }",
      index: "Client, type Context, getThing, type GetThingOptions, putThing, type PutThingOptions",
    },
    [],
  ),
];
