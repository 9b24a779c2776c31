/**
 * Whether a document describes an Azure service, decided once here so the generated client sends
 * Azure-only headers (`x-ms-client-request-id`) to Azure services only: elsewhere they are noise,
 * and in a browser a non-safelisted header forces a CORS preflight the API never asked for.
 *
 * The rule: an `x-ms-*` extension anywhere in the root document (`x-ms-pageable`,
 * `x-ms-parameterized-host`, `x-ms-enum`, ...), an `x-ms-*` header parameter, an
 * `x-hmac-signature` scheme (Communication Services access keys), or an OAuth2 flow whose URLs are
 * on Entra ID (`login.microsoftonline.com`). The config's `azure` (or `--azure`/`--no-azure`)
 * overrides it.
 */
import { isObject } from "../openapi/load-openapi.ts";

const ENTRA_ID = /^https:\/\/login\.microsoftonline\.(com|us)\//i;

export function isAzureDocument(root: unknown): boolean {
  const pending: unknown[] = [root];
  // Seen nodes are skipped: YAML aliases may share (or nest) one node in many places.
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) pending.push(...node);
    else if (isObject(node)) {
      if (Object.keys(node).some((key) => /^x-(ms-|hmac-signature$)/i.test(key))) return true;
      if (node["in"] === "header" && typeof node["name"] === "string" && /^x-ms-/i.test(node["name"])) return true;
      for (const url of ["authorizationUrl", "tokenUrl"])
        if (typeof node[url] === "string" && ENTRA_ID.test(node[url])) return true;
      pending.push(...Object.values(node));
    }
  }
  return false;
}
