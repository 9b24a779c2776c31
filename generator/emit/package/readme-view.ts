/** What `README.md.hbs` prints: every value, code example included, is computed here from the IR. */
import type { ApiIR, PagingNextIR } from "../../ir/types.ts";
import { defaultRetryOptions, isRetriableStatus } from "../../runtime/retry-policy.ts";
import { logLevelVariable, type PackageInfo } from "../../plan/package-info.ts";
import type { ClientNames } from "../../plan/public-names.ts";
import type { EndpointPlan } from "../../plan/credentials.ts";
import type { PackagePlan } from "../../plan/package-plan.ts";
import { ExampleBuilder, type ExampleNode } from "./example-values.ts";
import { firstParagraph } from "./package-view.ts";
import { authSections, exampleEndpoint, type ClientSetup } from "./readme-auth.ts";
import { convenienceView, type ConvenienceView } from "./readme-convenience.ts";
import { mediaTypesView, type MediaTypesView } from "./readme-media-types.ts";
import {
  callArguments,
  exampleStatements,
  operationViews,
  printCall,
  sampleOperation,
  type OperationView,
} from "./readme-operations.ts";

export interface ReadmeView {
  readonly header: string;
  readonly title: string;
  readonly packageName: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly clientName: string;
  /** What the package relies on at run time, for the feature list. */
  readonly platform: string;
  readonly paragraphs: readonly string[];
  /** What the endpoint is (or where requests go by default), one Markdown sentence. */
  readonly endpoint: string;
  /** The client options, as Markdown list items. */
  readonly settings: readonly string[];
  /** What every request carries besides the caller's headers, one Markdown sentence. */
  readonly requestHeaders: string;
  readonly auth: readonly { readonly heading: string; readonly paragraphs: readonly string[]; readonly code: string }[];
  readonly createClient: string;
  /** Absent when the naming file declares no convenience layer. */
  readonly convenience: ConvenienceView | null;
  readonly operations: readonly OperationView[];
  /** Absent when the API has no operations. */
  readonly sample: SampleView | null;
  readonly retry: RetryView;
  readonly paging: PagingView | null;
  /** Absent when every operation sends and receives JSON in one media type. */
  readonly mediaTypes: MediaTypesView | null;
}

export interface SampleView {
  readonly name: string;
  readonly contextFactory: string;
  readonly functions: string;
  /** Context factories that accept one way of authenticating each (empty when there is one way). */
  readonly dedicatedFactories: string;
  readonly errors: string;
  /** `is<Client>Error`, when the spec declares error models. */
  readonly serviceErrorGuard: string | null;
  readonly timeouts: string;
}

export interface RetryView {
  readonly maxRetries: number;
  readonly initialDelay: string;
  readonly maxDelay: string;
  readonly statuses: string;
  readonly code: string;
}

export interface PagingView {
  readonly name: string;
  /** How the next page is found, e.g. "following `nextLink`". */
  readonly follows: string;
  readonly code: string;
}

/** With a convenience layer the examples create its class, which has every method. */
export function readmeView(plan: PackagePlan): ReadmeView {
  const { api, pkg, convenience } = plan;
  // The exported names as the source emitter decides them (a clash may add a suffix).
  const publicNames = plan.names;
  const names = convenience ? { ...publicNames.client, client: convenience.className } : publicNames.client;
  const examples = new ExampleBuilder(api);
  const endpoint = exampleEndpoint(api, plan.endpoint);
  const sections = authSections(plan.auth, endpoint);
  const primary = sections[0]?.setup ?? { imports: [], args: "" };
  const importClient = `import { ${names.client} } from "${pkg.name}";`;
  const construct = (setup: ClientSetup) =>
    [...setup.imports, importClient, "", `const client = new ${names.client}(${setup.args});`].join("\n");
  const signs = api.auth.some((scheme) => scheme.kind === "hmac");
  return {
    header: pkg.header.replace(/^\s*\/\/\s*/, "").replace(/--/g, "- -"),
    title: api.title,
    packageName: pkg.name,
    version: pkg.version,
    apiVersion: api.apiVersion,
    clientName: names.client,
    platform: signs ? "`fetch` for HTTP, Web Crypto for signing" : "`fetch` for HTTP",
    paragraphs: (api.description ?? "")
      .trim()
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    endpoint: endpointSentence(plan.endpoint),
    settings: settings(api, pkg, plan.endpoint),
    requestHeaders: `Every request carries ${api.azure ? "a fresh client request id (`x-ms-client-request-id`) and " : ""}a \`User-Agent\` naming \`${pkg.name}/${pkg.version}\`.`,
    auth: sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs, code: construct(s.setup) })),
    createClient: construct(primary),
    convenience: convenience ? convenienceView(convenience, publicNames, examples) : null,
    operations: operationViews(plan, examples),
    sample: sampleView(plan, names, examples, primary),
    retry: retryView(pkg, names, primary),
    paging: pagingView(plan, examples),
    mediaTypes: mediaTypesView(plan, examples),
  };
}

function sampleView(
  plan: PackagePlan,
  names: ClientNames,
  examples: ExampleBuilder,
  primary: ClientSetup,
): SampleView | null {
  const { pkg } = plan;
  const shape = sampleOperation(plan, examples);
  if (!shape) return null;
  const { op } = shape;
  const { contextFactory } = names;
  const functions = [
    ...primary.imports,
    `import { ${contextFactory}, ${op.name} } from "${pkg.name}";`,
    "",
    `const context = ${contextFactory}(${primary.args});`,
    exampleStatements(shape, examples, "", ["context"]),
  ].join("\n");
  const args: ExampleNode[] = callArguments(shape, examples);
  const guard = plan.errorModels.length > 0 ? names.isServiceError : null;
  const errors = [
    `import { ${guard ?? "HttpError"} } from "${pkg.name}";`,
    "",
    "try {",
    `  ${printCall("await ", `client.${op.name}`, args).replace(/\n/g, "\n  ")};`,
    "} catch (error) {",
    guard ? `  if (!${guard}(error)) throw error;` : "  if (!(error instanceof HttpError)) throw error;",
    "  console.error(error.status, error.code, error.message, error.requestId);",
    "}",
  ].join("\n");
  const dedicatedFactories = names.dedicatedFactories.map((f) => `\`${f.name}\``).join(", ");
  const timeouts = [
    "// Each attempt may take 10 s; the whole call, retries and waits included, at most 30 s.",
    "const options = { timeoutMs: 10_000, abortSignal: AbortSignal.timeout(30_000) };",
    `${printCall("await ", `client.${op.name}`, args, ["options"])};`,
  ].join("\n");
  return { name: op.name, contextFactory, functions, dedicatedFactories, errors, serviceErrorGuard: guard, timeouts };
}

function retryView(pkg: PackageInfo, names: ClientNames, primary: ClientSetup): RetryView {
  const statuses: number[] = [];
  for (let status = 100; status < 600; status++) if (isRetriableStatus(status)) statuses.push(status);
  const { maxRetries, initialDelayMs, maxDelayMs } = defaultRetryOptions;
  const client = (name: string, options: string) =>
    `const ${name} = new ${names.client}(${primary.args ? `${primary.args}, ` : ""}{\n  retry: ${options},\n});`;
  const code = [
    ...primary.imports,
    `import { ${names.client} } from "${pkg.name}";`,
    "",
    client(
      "patient",
      `{ maxRetries: ${maxRetries + 2}, initialDelayMs: 500, maxDelayMs: ${numberLiteral(maxDelayMs / 2)} }`,
    ),
    client("failFast", "{ maxRetries: 0 }"),
  ].join("\n");
  return {
    maxRetries,
    initialDelay: duration(initialDelayMs),
    maxDelay: duration(maxDelayMs),
    statuses: statuses.join(", "),
    code,
  };
}

function pagingView(plan: PackagePlan, examples: ExampleBuilder): PagingView | null {
  const shape = [...plan.shapes.values()].find((s) => s.result.kind === "paged");
  const op = shape?.op;
  if (!shape || !op?.paging) return null;
  const call = printCall("", `client.${op.name}`, callArguments(shape, examples));
  const items = op.paging.itemsProperty === undefined ? "page" : `page.${op.paging.itemsProperty}`;
  const code = [
    `import { continuationTokenOf } from "${plan.pkg.name}";`,
    "",
    `for await (const item of ${call}) {`,
    "  console.log(item);",
    "}",
    "",
    `for await (const page of ${call}.byPage(${op.paging.pageSizeParameter === undefined ? "" : "{ maxPageSize: 50 }"})) {`,
    `  console.log(${items}.length, continuationTokenOf(page));`,
    "}",
  ].join("\n");
  return { name: op.name, follows: pagingFollows(op.paging.next), code };
}

function pagingFollows(next: PagingNextIR): string {
  switch (next.kind) {
    case "next-link":
      return `following \`${next.property}\``;
    case "link-header":
      return "following the `Link` header's `next` link";
    case "cursor":
      return `sending \`${next.property.join(".")}\` back as \`${next.parameter}\``;
    case "last-item":
      return `sending the last item's \`${next.idProperty}\` as \`${next.parameter}\` while \`${next.hasMoreProperty}\` is true`;
    case "offset":
      return `advancing \`${next.parameter}\` past the items received`;
  }
}

function endpointSentence(plan: EndpointPlan): string {
  if (!plan.required)
    return `Requests go to \`${plan.defaultUrl ?? ""}\` unless the \`endpoint\` option says otherwise.`;
  const about = firstParagraph(plan.description);
  return about ? `\`endpoint\`: ${about.replace(/[.]?$/, ".")}` : "`endpoint` is the base URL of the service.";
}

/** The options every client (and context factory) takes; their names are `emit-context.ts`'s. */
function settings(api: ApiIR, pkg: PackageInfo, plan: EndpointPlan): string[] {
  const usesApiVersion = api.operations.some((op) => op.parameters.some((p) => p.clientValue === "api-version"));
  return [
    ...(plan.required ? [] : [`\`endpoint\`: another base URL (default \`${plan.defaultUrl ?? ""}\`).`]),
    ...(usesApiVersion
      ? [
          `\`apiVersion\`: the \`api-version\` sent (default \`${api.apiVersion}\`, the version this package was generated for).`,
        ]
      : []),
    "`retry`: retry settings, see [Retries](#retries).",
    "`fetch`: a custom `fetch` (the global one by default).",
    "`userAgentPrefix`: prepended to the `User-Agent`, e.g. your application's name and version.",
    "`logger`: a function (or `{ log }` object) given every attempt as an event: `request` (method, URL, headers), " +
      "`response` (status, duration, request id), `retry` (delay, reason) and `error`, with keys, tokens, signatures " +
      `and the \`Authorization\` header replaced by \`REDACTED\`. Without one, setting \`${logLevelVariable(pkg, api.azure)}\` ` +
      "to `verbose`, `info`, `warning` or `error` logs them to stderr.",
  ];
}

function duration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** `30000` -> `30_000`, as written in the examples. */
function numberLiteral(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}
