/**
 * Entra ID bearer tokens accepted by the local services. A test registers the opaque token strings
 * it will send (`Authorization: Bearer <token>`), each with an expiry and, for the token exchanges,
 * the Entra principal the token stands for. Nothing else is accepted.
 */

/** The Entra ID principal a registered token represents (its `oid`, `tid`, `appid` claims). */
export interface EntraPrincipal {
  readonly objectId: string;
  readonly tenantId: string;
  /** Client (application) id the token was issued to. */
  readonly clientId: string;
  /** Groups the principal belongs to, for group assignments. */
  readonly groups?: readonly string[];
}

export interface BearerTokenRegistration {
  readonly token: string;
  /** When the token stops being accepted (Date or epoch ms). */
  readonly expiresOn: Date | number;
  readonly principal?: EntraPrincipal;
}

export type BearerVerdict =
  | { readonly ok: true; readonly registration: BearerTokenRegistration }
  | { readonly ok: false; readonly message: string };

/** Registry of the bearer tokens a service accepts. */
export class BearerTokenRegistry {
  readonly #tokens = new Map<string, BearerTokenRegistration>();

  constructor(initial: readonly BearerTokenRegistration[] = []) {
    for (const registration of initial) this.register(registration);
  }

  register(registration: BearerTokenRegistration): void {
    if (registration.token === "") throw new Error("A bearer token must not be empty.");
    this.#tokens.set(registration.token, registration);
  }

  /** Looks a token up and checks its expiry against `now` (epoch ms). */
  verify(token: string, now: number): BearerVerdict {
    const registration = this.#tokens.get(token);
    if (!registration) return { ok: false, message: "The bearer token is not valid for this resource." };
    if (expiryMs(registration) <= now) return { ok: false, message: "The bearer token has expired." };
    return { ok: true, registration };
  }
}

export function expiryMs(registration: BearerTokenRegistration): number {
  const { expiresOn } = registration;
  return typeof expiresOn === "number" ? expiresOn : expiresOn.getTime();
}

/** Extracts the token of an `Authorization: Bearer <token>` header, or undefined for another scheme. */
export function bearerTokenOf(authorization: string): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}
