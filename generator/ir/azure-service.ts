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

const ENTRA_ID = /^https:\/\/login\.microsoftonline\.(com|us)\//i;

export function isAzureDocument(root: unknown): boolean {
  const pending: unknown[] = [root];
  // Seen nodes are skipped: YAML aliases may share (or nest) one node in many places. Only
  // objects and arrays are kept: the walk visits every node of the document once.
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object") pending.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (record["in"] === "header" && typeof record["name"] === "string" && /^x-ms-/i.test(record["name"])) return true;
    for (const url of ["authorizationUrl", "tokenUrl"])
      if (typeof record[url] === "string" && ENTRA_ID.test(record[url])) return true;
    for (const key in record) {
      const first = key.charCodeAt(0);
      if ((first === 120 || first === 88) && /^x-(ms-|hmac-signature$)/i.test(key)) return true;
      const value = record[key];
      if (typeof value === "object") pending.push(value);
    }
  }
  return false;
}
