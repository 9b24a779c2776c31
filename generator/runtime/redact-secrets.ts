/**
 * The one rule for what is secret: used by the generated command line's `--verbose`/`--debug` log
 * (and its naming layer) and by the library's `logger` events (`logging.ts`). The library's errors
 * quote no values (`ResponseParseError` shows property names and sizes only).
 *
 * A name (JSON property, header, query or form parameter) is secret when, ignoring case, it ends in
 * `token`, `secret`, `password`, `passwd`, `pwd`, `passphrase`, `key`, `signature`, `sig`,
 * `credential`, `jwt`, `cookie`, `session`, `authorization`, `authenticate` or `connectionstring`
 * (also written `connection-string` or `connection_string`), or is the word `pass` (`pass`,
 * `user_pass`), optionally followed by a plural `s` and a number: `accessToken`, `refreshTokens`,
 * `key1`, `x-session`, `www-authenticate`, `Set-Cookie`, `accesskey`. Callers may add names
 * (the command line adds the spec's `format: password` and `x-ms-secret` properties, its API-key
 * scheme names and the naming layer's `secret-names`).
 * Not secret: names where such a word is not at the end (`keyType`, `tokenExpiresInMinutes`,
 * `sessionId`, `keyword`, `passenger`). A few names merely end like a secret (`monkey`); hiding
 * their values costs nothing.
 *
 * A value is hidden (`REDACTED`) when its name is secret or any enclosing property's name is
 * (`keys[].value`, `credentials.pass`); `true`, `false` and `null` stay, being never secret.
 * Any other text (string values, header values, URLs, a body that is not JSON) keeps its words but
 * loses `name=value` pairs with a secret name (a SAS `sig=`, `access_token=`) and JWTs (`eyJ...`).
 */

export const REDACTED = "REDACTED";

const SECRET_NAME =
  /(?:token|secret|pass(?:w(?:or)?d|phrase)|pwd|key|sig(?:nature)?|credential|jwt|cookie|session|auth(?:orization|enticate)|connection[-_]?string|(?:^|[\W_])pass)s?\d*$/i;

/** Whether `name` is secret by the rule above (without the names a caller adds). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** `text` with secret `name=value` pairs and JWTs hidden. */
export function redactText(text: string, isSecret = isSecretName): string {
  // A pair starts only where a word starts, so a long run of letters without `=` is scanned once,
  // not once per letter.
  return text
    .replace(/(^|[^\w.-])([\w.-]+)=[^\s&;,"'<>]*/g, (pair, start: string, name: string) =>
      isSecret(name) ? `${start}${name}=${REDACTED}` : pair,
    )
    .replace(/\beyJ[\w-]*\.[\w.-]*/g, REDACTED);
}

/** A URL as it may be shown: user info and secret query values (`sig=`) replaced by `REDACTED`. */
export function redactUrl(url: string, isSecret = isSecretName): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url, isSecret);
  }
  if (parsed.username) parsed.username = REDACTED;
  if (parsed.password) parsed.password = REDACTED;
  return redactText(parsed.href, isSecret);
}

/** A header's value as it may be shown: all of it under a secret name (`authorization`), else {@link redactText}. */
export function redactHeaderValue(name: string, value: string, isSecret = isSecretName): string {
  return isSecret(name) ? REDACTED : redactText(value, isSecret);
}

/** JSON data with every value under a secret name hidden and every other string passed through {@link redactText}. */
export function redactJson(value: unknown, isSecret = isSecretName, secret = false): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => redactJson(item, isSecret, secret));
  if (value && typeof value == "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactJson(item, isSecret, secret || isSecret(key))]),
    );
  }
  if (secret && value !== null && typeof value != "boolean") return REDACTED;
  return typeof value == "string" ? redactText(value, isSecret) : value;
}

/**
 * A body as it may be shown: JSON with secrets hidden (compact); JSON cut off or broken, whose
 * secrets cannot be told apart, with every value (even `true`) hidden and only the property names
 * kept; other text through {@link redactText}.
 */
export function redactBodyText(text: string, isSecret = isSecretName): string {
  try {
    return JSON.stringify(redactJson(JSON.parse(text), isSecret));
  } catch {
    if (!/^\s*[[{]/.test(text)) return redactText(text, isSecret);
    return text.replace(
      /("(?:[^"\\]|\\.)*"\s*:)|"(?:[^"\\]|\\.)*"?|[\w.+-]+/g,
      (_value, name?: string) => name ?? `"${REDACTED}"`,
    );
  }
}
