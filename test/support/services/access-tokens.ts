/**
 * The access tokens the local Identity service issues: JWT-shaped (`header.payload.signature`,
 * base64url, HS256 with a per-service secret), so clients that read `exp` from the token (as the
 * official CommunicationTokenCredential does) work, and the service can tell a genuine token from a
 * forged or altered one. `seq` is a per-service issue counter used for revocation.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isJsonObject } from "./request-validation.ts";

export interface AccessTokenClaims {
  /** Identity the token is for: `8:acs:...`, or `8:orgid:<oid>` for a Teams user. */
  readonly sub: string;
  readonly scopes: readonly string[];
  /** Issued at / expires, epoch seconds. */
  readonly iat: number;
  readonly exp: number;
  /** Issue sequence number within the service; revocation invalidates every `seq` up to a mark. */
  readonly seq: number;
  readonly resourceId: string;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

export class AccessTokenSigner {
  readonly #secret = randomBytes(32);

  mint(claims: AccessTokenClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${HEADER}.${payload}.${this.#sign(`${HEADER}.${payload}`)}`;
  }

  /** The claims of a token this signer minted, or undefined for anything else. */
  open(token: string): AccessTokenClaims | undefined {
    const [header, payload, signature, extra] = token.split(".");
    if (header === undefined || payload === undefined || signature === undefined || extra !== undefined)
      return undefined;
    const expected = Buffer.from(this.#sign(`${header}.${payload}`));
    const received = Buffer.from(signature);
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    return isClaims(claims) ? claims : undefined;
  }

  #sign(data: string): string {
    return createHmac("sha256", this.#secret).update(data).digest("base64url");
  }
}

function isClaims(value: unknown): value is AccessTokenClaims {
  return (
    isJsonObject(value) &&
    typeof value["sub"] === "string" &&
    Array.isArray(value["scopes"]) &&
    typeof value["iat"] === "number" &&
    typeof value["exp"] === "number" &&
    typeof value["seq"] === "number" &&
    typeof value["resourceId"] === "string"
  );
}
