/**
 * The README's "Authenticate" sections, one per security scheme the API declares, and the
 * constructor arguments the other examples reuse. The constructor shapes are the generated
 * client's (`context-signatures.ts`): `(connectionString)`, `(endpoint, { key })`,
 * `(endpoint, tokenCredential)`, without the endpoint when the server URL has a default.
 */
import { kebabCase } from "../../ir/naming.ts";
import type { ApiIR, AuthSchemeIR, BearerAuthIR, HmacAuthIR } from "../../ir/types.ts";
import type { AuthPlan, EndpointPlan } from "../../plan/credentials.ts";
import { firstParagraph } from "./package-view.ts";

/** How the examples construct a client (or a context): imports they need and the arguments. */
export interface ClientSetup {
  /** Import declarations of other packages, e.g. `@azure/identity`'s credential. */
  readonly imports: readonly string[];
  /** Constructor arguments as source text, e.g. `"https://host", { key: "<access-key>" }`. */
  readonly args: string;
}

export interface AuthSectionView {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly setup: ClientSetup;
}

/** What the examples pass as the endpoint, or undefined when the client has a default endpoint. */
export interface EndpointExample {
  /** The argument's value, e.g. `https://my-resource.communication.azure.com`. */
  readonly value: string;
  /** The base URL requests go to, when it differs from `value` (the argument fills a template). */
  readonly description?: string;
}

/**
 * The endpoint argument of the examples, following `endpointPlan`: an example URL from the server
 * variable's description when it has one, else a placeholder; undefined when it has a default.
 */
export function exampleEndpoint(api: ApiIR, plan: EndpointPlan): EndpointExample | undefined {
  if (!plan.required) return undefined;
  const { url, variables } = api.server;
  const undefaulted = [...url.matchAll(/\{([^}]+)\}/g)]
    .map((m) => m[1] ?? "")
    .filter((name) => variables.find((v) => v.name === name)?.default === undefined);
  const [only] = undefaulted;
  const variable = variables.find((v) => v.name === only);
  const example = urlIn(variable?.description ?? plan.description);
  if (!plan.isOrigin && undefaulted.length === 1 && only !== undefined) {
    return {
      value: example ?? `<${kebabCase(only) || "value"}>`,
      ...(plan.description ? { description: plan.description } : {}),
    };
  }
  return { value: (example ?? "https://<host>").replace(/\/+$/, "") };
}

function urlIn(text: string | undefined): string | undefined {
  return text?.match(/https?:\/\/[^\s"'`<>)]+/)?.[0].replace(/[.,;:]+$/, "");
}

/**
 * One section per credential the client accepts, in spec order. These are `authPlan`'s: the first
 * scheme of each kind (key, token, user name and password); the client ignores later schemes of a
 * kind it already has, so the README does not offer them. No scheme: one "no credentials" section.
 */
export function authSections(plan: AuthPlan, endpoint: EndpointExample | undefined): AuthSectionView[] {
  const schemes = plan.kinds.flatMap((kind): AuthSchemeIR[] => {
    const scheme = kind === "key" ? plan.key : kind === "token" ? plan.token : plan.basic;
    return scheme ? [scheme] : [];
  });
  return schemes.length === 0 ? [anonymous(endpoint)] : schemes.flatMap((scheme) => sectionsOf(scheme, endpoint));
}

type Section = AuthSectionView;

/** The endpoint argument followed by `credential`, or the credential alone when the endpoint has a default. */
function withEndpoint(endpoint: EndpointExample | undefined, credential: string): string {
  return endpoint ? `${JSON.stringify(endpoint.value)}, ${credential}` : credential;
}

function sectionsOf(scheme: AuthSchemeIR, endpoint: EndpointExample | undefined): Section[] {
  const about = firstParagraph(scheme.description);
  const intro = about ? [about] : [];
  switch (scheme.kind) {
    case "hmac":
      return hmacSections(scheme, endpoint, intro);
    case "bearer":
      return [bearerSection(scheme, endpoint, intro)];
    case "apiKey": {
      const where = { header: "header", query: "query parameter", cookie: "cookie" }[scheme.in];
      return [
        {
          heading: "API key",
          paragraphs: [...intro, `The key is sent in the \`${scheme.name}\` ${where} of every request.`],
          setup: { imports: [], args: withEndpoint(endpoint, '{ key: "<api-key>" }') },
        },
      ];
    }
    case "basic":
      return [
        {
          heading: "User name and password",
          paragraphs: [...intro, "The credentials are sent with HTTP basic authentication, so use https."],
          setup: { imports: [], args: withEndpoint(endpoint, '{ username: "<user-name>", password: "<password>" }') },
        },
      ];
  }
}

function hmacSections(scheme: HmacAuthIR, endpoint: EndpointExample | undefined, intro: readonly string[]): Section[] {
  const headers = spoken(scheme.signedHeaders.map((h) => `\`${h}\``));
  const signing =
    `The client signs each request with ${scheme.algorithm} over the method, the path and query and the ${headers} ` +
    `headers, and sends \`Authorization: ${scheme.authorizationPrefix} SignedHeaders=...&Signature=...\`; ` +
    "the key itself never leaves the process. Every retry is signed afresh.";
  const keySection: Section = {
    heading: "Access key",
    paragraphs: [...intro, signing],
    setup: { imports: [], args: withEndpoint(endpoint, '{ key: "<access-key>" }') },
  };
  const names = scheme.connectionString;
  if (!names) return [keySection];
  const connectionString = `${names.endpointKey}=${endpoint?.value ?? "https://<host>"}/;${names.keyKey}=<access-key>`;
  return [
    {
      heading: "Connection string",
      paragraphs: [
        `The connection string of the resource (\`${names.endpointKey}=<url>;${names.keyKey}=<key>\`) holds both ` +
          "the endpoint and the access key. Keep it out of source control.",
      ],
      setup: { imports: [], args: JSON.stringify(connectionString) },
    },
    keySection,
  ];
}

function bearerSection(scheme: BearerAuthIR, endpoint: EndpointExample | undefined, intro: readonly string[]): Section {
  const scopes = spoken(scheme.scopes.map((s) => `\`${s}\``));
  const asks =
    scheme.scopes.length === 0
      ? ""
      : ` The client asks it for ${scheme.scopes.length === 1 ? "the scope" : "the scopes"} ${scopes}`;
  return {
    heading: "Token credential",
    paragraphs: [
      ...intro,
      "Pass any object with a `getToken(scopes)` method that resolves to `{ token, expiresOnTimestamp }`, " +
        `such as the credentials of \`@azure/identity\`.${asks ? `${asks}.` : ""} Tokens are cached and refreshed ` +
        "shortly before they expire, and are only sent over https.",
    ],
    setup: {
      imports: ['import { DefaultAzureCredential } from "@azure/identity";'],
      args: withEndpoint(endpoint, "new DefaultAzureCredential()"),
    },
  };
}

function anonymous(endpoint: EndpointExample | undefined): Section {
  return {
    heading: "No credentials",
    paragraphs: ["The API declares no authentication."],
    setup: { imports: [], args: endpoint ? JSON.stringify(endpoint.value) : "" },
  };
}

/** ["a", "b", "c"] -> "a, b and c". */
function spoken(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}
