/**
 * HTTP header names a client can send and read: RFC 9110's `token` (5.1 field names, 5.6.2 tokens).
 * Anything else (a CR/LF, a space, a colon, non-ASCII, the empty name) makes `Headers` throw on
 * every call, or, sent by hand, splits the request: such a name is diagnosed and left out.
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}
