/**
 * Every name the generated package exports, decided once so all emitters agree. Names come from
 * the IR; only a clash with another exported name (or a runtime export) adds a numeric suffix.
 *
 * Conventions:
 * - A named type whose request form differs from its response form (readOnly/writeOnly inside) and
 *   that is used both ways is declared twice: `<Name>` (the response form) and `<Name>Input`.
 *   A type used only one way is declared once, in the form of that way.
 * - String and numeric enums get a `Known<Name>` const next to their type.
 * - Each operation has an options interface `<Operation>Options`.
 * - The client `<Client>` (`PackageInfo.clientName`) comes with `<Client>Options`, `<Client>Context`
 *   and `create<Client>Context` (the IR builder keeps these names free for them).
 */
import { dedicatedRoutes, routeSuffix, type AuthPlan, type AuthRoute } from "./credentials.ts";
import { MODEL_GLOBALS, PACKAGE_TYPE_NAMES, PACKAGE_VALUE_NAMES } from "../ir/name-table.ts";
import { NameScope, pascalCase, reservedNames, safeIdentifier } from "../ir/naming.ts";
import type { ApiIR, NamedTypeIR, OperationIR } from "../ir/types.ts";
import type { Direction, ModelCatalog } from "./model-catalog.ts";
import type { PackageInfo } from "./package-info.ts";

/** One declaration of `models.ts`. */
export interface ModelDeclaration {
  readonly named: NamedTypeIR;
  readonly name: string;
  /** Which properties it keeps: `input` drops readOnly ones, `output` writeOnly ones. */
  readonly direction: Direction;
}

export interface ClientNames {
  readonly client: string;
  readonly clientOptions: string;
  readonly context: string;
  readonly contextFactory: string;
  /** `<Client>Error`: an `HttpError` typed with the service's error model, and its guard. */
  readonly serviceError: string;
  readonly isServiceError: string;
  /** Context factories for one way of authenticating each, so bundles hold only that signer. */
  readonly dedicatedFactories: readonly { readonly route: AuthRoute; readonly name: string }[];
}

export class PublicNames {
  readonly client: ClientNames;
  /** In `models.ts` order: each named type, followed by its input variant when it has one. */
  readonly declarations: readonly ModelDeclaration[];
  /** The converter functions `serialization.ts` may declare: both modes of every declaration. */
  readonly converterFunctions: readonly string[];
  /** The same names as an enclosing scope, for the locals of every conversion function. */
  readonly converterScope: ReadonlySet<string>;
  readonly #primary = new Map<string, ModelDeclaration>();
  readonly #input = new Map<string, ModelDeclaration>();
  readonly #known = new Map<string, string>();
  readonly #options = new Map<string, string>();

  constructor(api: ApiIR, pkg: PackageInfo, catalog: ModelCatalog, auth: AuthPlan) {
    const types = new NameScope([...PACKAGE_TYPE_NAMES, ...MODEL_GLOBALS]);
    const values = new NameScope(PACKAGE_VALUE_NAMES);
    // Operation names are the IR's and final; everything else gives way to them.
    for (const op of api.operations) values.claim(op.name);
    const client = types.claim(pkg.clientName);
    values.claim(client);
    this.client = {
      client,
      clientOptions: types.claim(`${client}Options`),
      context: types.claim(`${client}Context`),
      contextFactory: values.claim(`create${client}Context`),
      serviceError: types.claim(`${client}Error`),
      isServiceError: values.claim(`is${client}Error`),
      dedicatedFactories: dedicatedRoutes(auth).map((route) => ({
        route,
        name: values.claim(`create${client}Context${routeSuffix[route]}`),
      })),
    };
    const declarations: ModelDeclaration[] = [];
    for (const named of api.types) {
      const differs = catalog.differsByDirection(named.name);
      const onlyInput = named.usage.input && !named.usage.output;
      const primary = {
        named,
        name: types.claim(safeIdentifier(named.name)),
        direction: onlyInput ? "input" : "output",
      } as const;
      this.#primary.set(named.name, primary);
      declarations.push(primary);
      if (differs && named.usage.input && named.usage.output) {
        const input = { named, name: types.claim(`${primary.name}Input`), direction: "input" } as const;
        this.#input.set(named.name, input);
        declarations.push(input);
      }
    }
    for (const named of api.types) {
      if (named.type.kind !== "enum") continue;
      // A const that `index.ts` exports beside the types: free in both scopes.
      const base = `Known${this.#primary.get(named.name)?.name ?? named.name}`;
      let known = base;
      for (let n = 2; !types.isFree(known) || !values.isFree(known); n++) known = `${base}${n}`;
      this.#known.set(named.name, values.claim(types.claim(known)));
    }
    for (const op of api.operations) this.#options.set(op.name, types.claim(optionsName(op)));
    this.declarations = declarations;
    this.converterFunctions = declarations.flatMap((d) => [
      converterName("serialize", d.name),
      converterName("deserialize", d.name),
    ]);
    this.converterScope = reservedNames(this.converterFunctions);
  }

  /** The declaration that stands for named type `name` in `direction`. */
  declaration(name: string, direction: Direction): ModelDeclaration | undefined {
    return (direction === "input" ? this.#input.get(name) : undefined) ?? this.#primary.get(name);
  }

  /** The TypeScript name of named type `name` in `direction` (the IR name for unknown names). */
  typeName(name: string, direction: Direction): string {
    return this.declaration(name, direction)?.name ?? name;
  }

  /** `Known<Name>` of an enum type. */
  knownName(name: string): string | undefined {
    return this.#known.get(name);
  }

  optionsName(op: OperationIR): string {
    return this.#options.get(op.name) ?? optionsName(op);
  }
}

/** The converter function name of a model declaration, e.g. `deserializeCommunicationIdentity`. */
export function converterName(mode: "serialize" | "deserialize", declarationName: string): string {
  return `${mode}${declarationName}`;
}

/** `GetUserOptions`; `_3dOptions` for an operation named `_3d` (PascalCase drops the `_`). */
function optionsName(op: OperationIR): string {
  return safeIdentifier(`${pascalCase(op.name)}Options`);
}
