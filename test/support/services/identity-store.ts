/**
 * State of the local Identity service: identities (`8:acs:<resourceId>_<guid>`), their customId
 * mapping, the identities created for exchanged Entra/Teams principals, issued tokens, revocation
 * and deletion. Time comes from the injected clock.
 */
import { randomUUID } from "node:crypto";
import { AccessTokenSigner, type AccessTokenClaims } from "./access-tokens.ts";

export interface IdentityRecord {
  readonly id: string;
  readonly customId: string | undefined;
  readonly createdAt: number;
  lastTokenIssuedAt: number | undefined;
  /** Tokens with `seq` at or below this mark are revoked. */
  revokedThroughSeq: number;
  revokedAt: number | undefined;
  /** Set for identities created by a token exchange (`entra:<tid>:<oid>`, ...). */
  readonly principalKey: string | undefined;
}

/** A read-only copy of an identity, for assertions. */
export interface IdentitySnapshot {
  readonly id: string;
  readonly customId?: string;
  readonly createdAt: Date;
  readonly lastTokenIssuedAt?: Date;
  readonly tokensRevokedAt?: Date;
}

export type TokenStatus = "valid" | "expired" | "revoked" | "identity-deleted" | "unknown-identity" | "invalid";

export interface TokenInspection {
  readonly status: TokenStatus;
  /** Present for every token this service minted (even expired or revoked ones). */
  readonly claims?: AccessTokenClaims;
}

export interface IssuedToken {
  readonly token: string;
  /** ISO 8601, whole seconds. */
  readonly expiresOn: string;
}

const ID_SHAPE = /^8:acs:[^_\s]+_[^_\s]+$/;

export class IdentityStore {
  readonly resourceId: string;
  readonly #now: () => number;
  readonly #signer = new AccessTokenSigner();
  readonly #identities = new Map<string, IdentityRecord>();
  readonly #deleted = new Set<string>();
  readonly #byCustomId = new Map<string, string>();
  readonly #byPrincipal = new Map<string, string>();
  #seq = 0;

  constructor(resourceId: string, now: () => number) {
    this.resourceId = resourceId;
    this.#now = now;
  }

  /** Whether `id` has the `8:acs:<resource>_<guid>` shape at all. */
  static isWellFormedId(id: string): boolean {
    return ID_SHAPE.test(id);
  }

  /** Creates an identity; with a customId already mapped, returns that identity (`created: false`). */
  create(customId?: string): { record: IdentityRecord; created: boolean } {
    const existing = customId === undefined ? undefined : this.#identities.get(this.#byCustomId.get(customId) ?? "");
    if (existing) return { record: existing, created: false };
    const record = this.#add(customId, undefined);
    if (customId !== undefined) this.#byCustomId.set(customId, record.id);
    return { record, created: true };
  }

  /** The identity mapped to an external principal, created on first use. */
  forPrincipal(principalKey: string): IdentityRecord {
    const existing = this.#identities.get(this.#byPrincipal.get(principalKey) ?? "");
    if (existing) return existing;
    const record = this.#add(undefined, principalKey);
    this.#byPrincipal.set(principalKey, record.id);
    return record;
  }

  find(id: string): IdentityRecord | undefined {
    return this.#identities.get(id);
  }

  /** Deletes an identity, its mappings and (implicitly) every token issued for it. */
  delete(id: string): boolean {
    const record = this.#identities.get(id);
    if (!record) return false;
    this.#identities.delete(id);
    this.#deleted.add(id);
    if (record.customId !== undefined) this.#byCustomId.delete(record.customId);
    if (record.principalKey !== undefined) this.#byPrincipal.delete(record.principalKey);
    return true;
  }

  /** Invalidates every token issued for the identity so far. */
  revoke(record: IdentityRecord): void {
    record.revokedThroughSeq = this.#seq;
    record.revokedAt = this.#now();
  }

  /** Issues a token for `sub`; updates `lastTokenIssuedAt` when `sub` is one of this service's identities. */
  issue(sub: string, scopes: readonly string[], expiresAtMs: number): IssuedToken {
    const now = this.#now();
    const exp = Math.floor(expiresAtMs / 1000);
    this.#seq += 1;
    const token = this.#signer.mint({
      sub,
      scopes: [...scopes],
      iat: Math.floor(now / 1000),
      exp,
      seq: this.#seq,
      resourceId: this.resourceId,
    });
    const record = this.#identities.get(sub);
    if (record) record.lastTokenIssuedAt = now;
    return { token, expiresOn: new Date(exp * 1000).toISOString() };
  }

  /** Checks a token: genuine, unexpired, identity still present, not revoked. */
  inspect(token: string): TokenInspection {
    const claims = this.#signer.open(token);
    if (!claims || claims.resourceId !== this.resourceId) return { status: "invalid" };
    if (claims.exp * 1000 <= this.#now()) return { status: "expired", claims };
    if (claims.sub.startsWith("8:acs:")) {
      if (this.#deleted.has(claims.sub)) return { status: "identity-deleted", claims };
      const record = this.#identities.get(claims.sub);
      if (!record) return { status: "unknown-identity", claims };
      if (claims.seq <= record.revokedThroughSeq) return { status: "revoked", claims };
    }
    return { status: "valid", claims };
  }

  list(): IdentitySnapshot[] {
    return [...this.#identities.values()].map(snapshot);
  }

  #add(customId: string | undefined, principalKey: string | undefined): IdentityRecord {
    const record: IdentityRecord = {
      id: `8:acs:${this.resourceId}_${randomUUID()}`,
      customId,
      principalKey,
      createdAt: this.#now(),
      lastTokenIssuedAt: undefined,
      revokedThroughSeq: 0,
      revokedAt: undefined,
    };
    this.#identities.set(record.id, record);
    return record;
  }
}

export function snapshot(record: IdentityRecord): IdentitySnapshot {
  return {
    id: record.id,
    createdAt: new Date(record.createdAt),
    ...(record.customId !== undefined ? { customId: record.customId } : {}),
    ...(record.lastTokenIssuedAt !== undefined ? { lastTokenIssuedAt: new Date(record.lastTokenIssuedAt) } : {}),
    ...(record.revokedAt !== undefined ? { tokensRevokedAt: new Date(record.revokedAt) } : {}),
  };
}
