/**
 * Picks how to authenticate from the global credential flags, falling back to their environment
 * variables: the first route whose flags were all given on the command line wins, else the first
 * one the environment completes. Errors name flags and variables, never their values.
 */
import {
  CliError,
  type AuthRoute,
  type AuthValues,
  type CliIo,
  type ContextSettings,
  type FlagSpec,
  type Program,
} from "./program.ts";

/** A token credential that hands out the one token given (`--access-token`). */
export function staticTokenCredential(token: string): {
  getToken(): Promise<{ token: string; expiresOnTimestamp: number }>;
} {
  // The real expiry is unknown; an hour keeps the signer from asking again during one command.
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

export function createContext<C>(
  program: Program<C>,
  given: ReadonlyMap<string, string>,
  io: CliIo,
  settings: ContextSettings,
): C {
  const byName = new Map(program.authFlags.map((f) => [f.name, f]));
  const fromEnv = (name: string): string | undefined => {
    const variable = byName.get(name)?.env;
    const value = variable === undefined ? undefined : io.env[variable];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
  const lookup = (name: string): string | undefined => given.get(name) ?? fromEnv(name);
  const route =
    program.auth.find((r) => r.uses.every((name) => given.has(name))) ??
    program.auth.find((r) => r.uses.every((name) => lookup(name) !== undefined));
  if (!route) throw new CliError("auth", `no credentials: ${alternatives(program.auth, byName)}`);
  const endpoint = lookup("endpoint");
  if (route.endpoint === "required" && endpoint === undefined) {
    throw new CliError(
      "auth",
      `${route.uses.map((u) => `--${u}`).join(" and ")} needs --endpoint${envNote(byName.get("endpoint"))}`,
    );
  }
  if (endpoint !== undefined && route.endpoint !== "none" && !isHttpUrl(endpoint)) {
    // Not echoed: a connection string or key pasted into the wrong flag would reach the terminal.
    const source = given.has("endpoint") ? "--endpoint" : (byName.get("endpoint")?.env ?? "--endpoint");
    throw new CliError("auth", `${source} is not an http(s) URL (the value is not shown: it may hold a key)`);
  }
  if (route.endpoint === "none" && given.has("endpoint")) {
    throw new CliError(
      "usage",
      `--endpoint cannot be combined with ${route.uses.map((u) => `--${u}`).join(" and ")}, which names its endpoint`,
    );
  }
  const values: AuthValues = {
    value(name) {
      const value = lookup(name);
      if (value === undefined) throw new Error(`internal: the auth route reads --${name}, which it does not use`);
      return value;
    },
    optional: (name) => (route.endpoint === "none" ? undefined : lookup(name)),
  };
  try {
    return route.create(values, settings);
  } catch (error) {
    // The package's factories throw plain errors for a malformed connection string or endpoint;
    // their messages never contain the secret.
    throw new CliError("auth", error instanceof Error ? error.message : String(error));
  }
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

function envNote(flag: FlagSpec | undefined): string {
  return flag?.env ? ` (or set ${flag.env})` : "";
}

function alternatives<C>(routes: readonly AuthRoute<C>[], byName: ReadonlyMap<string, FlagSpec>): string {
  const texts = routes.map((route) => {
    const flags = route.uses.map((name) => `--${name}${envNote(byName.get(name))}`).join(" and ");
    return route.endpoint === "required" ? `--endpoint with ${flags}` : flags;
  });
  return `pass ${texts.join(", or ")}`;
}
