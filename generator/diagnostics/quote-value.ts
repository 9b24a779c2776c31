/**
 * How a diagnostic shows a value taken from a document, a config or a parser message. Documents
 * are input from elsewhere, and a `$ref` can pull in a file nobody meant to publish (a `.env`):
 * a message that quoted such values whole would copy them into every build log. So a value is
 * shown as a short prefix (enough to find it; the location says where), without control
 * characters, and with anything that looks like a credential replaced by `<redacted>`.
 */

/** Characters shown of a value at most; the rest is cut off, with `...` after the quote. */
export const QUOTE_LIMIT = 40;

const REDACTED = "<redacted>";
/** C0 and C1 controls, zero-width and bidirectional formatting characters: none belongs in a one-line message. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g;
/** `API_KEY=...`, `password: ...`, `"client_secret":"..."`: the value after a credential-like name. */
const ASSIGNED_SECRET =
  /([\w.-]*(?:secret|token|passw(?:or)?d|pwd|auth|api[_-]?key|access[_-]?key|private[_-]?key|credential|session|cookie)[\w.-]*"?\s*[=:]\s*)("?)[^\s,;&"]+/gi;
/** `Bearer ...`, `Basic ...` (HTTP authorization schemes). */
const SCHEME_SECRET = /\b(Bearer|Basic)\s+[^\s,;"]+/gi;
/** `https://user:password@host`. */
const URL_CREDENTIALS = /\/\/[^\s/:@]+:[^\s/@]+@/g;
/** Prefixes of well-known token formats (GitHub, Stripe, Slack, AWS, npm, GitLab, JWTs). */
const KNOWN_TOKEN =
  /\b(?:gh[pousr]_|github_pat_|[sr]k_(?:live|test)_|xox[abposr]-|AKIA|ASIA|npm_|glpat-|eyJ)[\w\-.+/=]*/g;
/** A long run of letters and digits together: what random keys look like, and identifiers rarely do. */
const LONG_TOKEN = /[\w\-+/=]{24,}/g;

/** Redacts what looks like a credential in `text`, and turns invisible characters into spaces. */
export function redact(text: string): string {
  return text
    .replace(INVISIBLE, " ")
    .replace(ASSIGNED_SECRET, `$1$2${REDACTED}`)
    .replace(SCHEME_SECRET, `$1 ${REDACTED}`)
    .replace(URL_CREDENTIALS, `//${REDACTED}@`)
    .replace(KNOWN_TOKEN, REDACTED)
    .replace(LONG_TOKEN, (run) => (/\d/.test(run) && /[a-z]/i.test(run) ? REDACTED : run));
}

/**
 * A value from a document as a diagnostic shows it: a string in double quotes, anything else as
 * JSON, at most `limit` characters of it (`"abc"...` when cut), redacted.
 */
export function quoteValue(value: unknown, limit = QUOTE_LIMIT): string {
  if (typeof value !== "string") return cut(redact(String(JSON.stringify(value))), limit);
  const shown = redact(value);
  const chars = [...shown];
  return chars.length <= limit ? JSON.stringify(shown) : `${JSON.stringify(chars.slice(0, limit).join(""))}...`;
}

/** A parser's message (which quotes the text it stopped at) with each `"quoted"` part shown by `quoteValue`. */
export function quoteQuoted(message: string): string {
  return message.replace(INVISIBLE, " ").replace(/"([^"]*)"/g, (_, inner: string) => quoteValue(inner));
}

function cut(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit).join("")}...`;
}
