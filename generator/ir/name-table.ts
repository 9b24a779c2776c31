/**
 * The one name table: which names a generated package declares or exports besides its models and
 * operations, and which global names generated code relies on. Every collision rule reads this
 * table (the IR's naming of models, the plan's public names, the import binder, `index.ts`), so
 * they cannot disagree. It lives beside the IR because the IR, which names the models first,
 * must keep these names free; the plan and the emitters derive from it.
 */

/** What `index.ts` re-exports from one runtime module. Classes are both types and values. */
export interface RuntimeExports {
  readonly classes?: readonly string[];
  readonly types?: readonly string[];
  readonly values?: readonly string[];
}

/** The runtime's public names, by module (`generator/runtime/<module>.ts`); a module the package leaves out exports nothing. */
export const RUNTIME_EXPORTS: Readonly<Record<string, RuntimeExports>> = {
  errors: { classes: ["HttpError", "NetworkError", "ResponseParseError", "TimeoutError"] },
  "send-request": { types: ["RawResponse", "RequestOptions"] },
  "retry-policy": { types: ["RetryOptions"] },
  logging: { types: ["LogEvent", "LogLevel", "Logger"] },
  "bearer-token": { types: ["AccessToken", "TokenCredential"] },
  paging: { values: ["continuationTokenOf"], types: ["PageSettings", "PagedAsyncIterableIterator"] },
  "event-stream": { types: ["EventStream", "ServerSentEvent"] },
};

/** The credential types `context.ts` declares (and `index.ts` exports when the API accepts them). */
export const CREDENTIAL_TYPES = { key: "KeyCredential", basic: "BasicCredential" } as const;

const runtime = Object.values(RUNTIME_EXPORTS);

/** Every type name the package exports besides its models and the client's own names. */
export const PACKAGE_TYPE_NAMES: readonly string[] = [
  ...runtime.flatMap((e) => [...(e.classes ?? []), ...(e.types ?? [])]),
  ...Object.values(CREDENTIAL_TYPES),
];

/** Every value the package exports besides its operations and the client's own. */
export const PACKAGE_VALUE_NAMES: readonly string[] = runtime.flatMap((e) => [
  ...(e.classes ?? []),
  ...(e.values ?? []),
]);

/** The client's own type names, kept free for it: `<Client>`, its context, options and service error. */
export function clientTypeNames(client: string): string[] {
  return [client, `${client}Context`, `${client}Options`, `${client}Error`];
}

/**
 * Global names generated code uses; a model named like one would shadow it (`Promise`, `Date`...),
 * so the IR gives such a model a `Model` suffix instead.
 */
export const GLOBAL_TYPE_NAMES: ReadonlySet<string> = new Set(
  (
    "Array ArrayBuffer AbortSignal AsyncIterable AsyncIterableIterator Blob Boolean Date Error Exclude Extract " +
    "FormData Function Headers Iterable JSON Map Math Number Object Omit Partial Pick Promise Readonly " +
    "ReadonlyArray Record Request Required Response RegExp Set String Symbol TextEncoder Uint8Array URL " +
    "URLSearchParams"
  ).split(" "),
);

/**
 * Globals generated code refers to by name: an imported declaration with one of these names (a
 * model called `Promise`, say) is aliased so the global stays reachable.
 */
export const USED_GLOBALS: readonly string[] = [
  "AbortSignal",
  "Array",
  "Blob",
  "Date",
  "Error",
  "FormData",
  "Headers",
  "JSON",
  "Number",
  "Object",
  "Partial",
  "Promise",
  "Record",
  "Response",
  "String",
  "TextEncoder",
  "URL",
  "URLSearchParams",
  "Uint8Array",
];

/** Globals that `models.ts` itself writes in types; a model may not shadow them there. */
export const MODEL_GLOBALS: readonly string[] = ["Blob", "Date", "Record", "Uint8Array"];
