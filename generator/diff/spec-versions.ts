/**
 * API versions as the specs name them: their order, and `service@version` arguments resolved
 * through `specsmith.config.json` and the TypeSpec compile.
 *
 * Why compile rather than read the committed `generated/openapi/<service>/<version>.yaml`: the
 * TypeSpec source is the truth and the committed YAML a derived copy, which is stale in exactly
 * the working tree a reviewer diffs (the spec edited, `npm run generate` not yet run); the
 * versions a service has come from the spec's own versioning, so "unknown version" is decided
 * by the spec; and the packages are then built in memory exactly as `npm run generate` builds
 * them, so `specsmith diff svc@a svc@b` prints the committed report byte for byte. The cost is
 * one compile per service (about half a second).
 */
import type { Config, ServiceConfig } from "../config/config.ts";
import type { Diagnostic } from "../diagnostics/diagnostics.ts";

const DATE = /^(\d{4}-\d{2}-\d{2})(?:-(.+))?$/;
const SEMVER = /^v?(\d+(?:\.\d+)*)(?:-(.+))?$/;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A release sorts after its pre-releases of the same date or number (`-preview` < none). */
const suffixOrder = (a: string | undefined, b: string | undefined) =>
  a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : cmp(a, b);

/**
 * Orders API versions: dates by date (`2025-03-02-preview` before `2025-03-02`), dotted numbers
 * numerically (`v2` < `v10`), anything else as text after both.
 */
export function compareApiVersions(a: string, b: string): number {
  const [da, db] = [DATE.exec(a), DATE.exec(b)];
  if (da && db) return cmp(da[1]!, db[1]!) || suffixOrder(da[2], db[2]);
  if (da || db) return da ? -1 : 1;
  const [sa, sb] = [SEMVER.exec(a), SEMVER.exec(b)];
  if (sa && sb) {
    const [na, nb] = [sa[1]!.split(".").map(Number), sb[1]!.split(".").map(Number)];
    for (let i = 0; i < Math.max(na.length, nb.length); i++) {
      const d = (na[i] ?? 0) - (nb[i] ?? 0);
      if (d !== 0) return d;
    }
    return suffixOrder(sa[2], sb[2]) || cmp(a, b);
  }
  if (sa || sb) return sa ? -1 : 1;
  return cmp(a, b);
}

export interface SpecRef {
  readonly service: string;
  readonly version: string;
}

/** `communication-identity@2023-10-01` -> its parts; anything else is not a spec version. */
export function parseSpecRef(argument: string): SpecRef | undefined {
  const m = /^([a-z0-9][a-z0-9-]*)@([^/\\@]+)$/.exec(argument);
  return m ? { service: m[1]!, version: m[2]! } : undefined;
}

/** One resolved spec version: the service's config and the OpenAPI document compiled for it. */
export interface SpecVersion {
  readonly service: ServiceConfig;
  readonly version: string;
  readonly yaml: string;
}

export type Resolved =
  | { readonly kind: "ok"; readonly value: ReadonlyMap<string, SpecVersion> }
  /** The user named something that does not exist (exit 2). */
  | { readonly kind: "usage"; readonly message: string }
  /** A spec did not compile (exit 3, with the compiler's diagnostics). */
  | { readonly kind: "unloadable"; readonly diagnostics: readonly Diagnostic[] };

/** Compiles each named service once and picks the named versions; keys are `service@version`. */
export async function resolveSpecVersions(config: Config, refs: readonly SpecRef[]): Promise<Resolved> {
  const known = config.services.map((s) => s.name);
  for (const ref of refs) {
    if (!known.includes(ref.service))
      return { kind: "usage", message: `unknown service "${ref.service}"; the config has ${known.join(", ")}` };
  }
  // Loaded on demand: diffing two files never needs the TypeSpec compiler.
  const { compileTypeSpec } = await import("../typespec/compile-typespec.ts");
  const resolved = new Map<string, SpecVersion>();
  for (const name of new Set(refs.map((r) => r.service))) {
    const service = config.services.find((s) => s.name === name)!;
    const compiled = await compileTypeSpec(service.typespec, config.root);
    if (compiled.diagnostics.some((d) => d.severity === "error"))
      return { kind: "unloadable", diagnostics: compiled.diagnostics };
    const versions = compiled.value.map((d) => d.version).sort(compareApiVersions);
    for (const ref of refs.filter((r) => r.service === name)) {
      const document = compiled.value.find((d) => d.version === ref.version);
      if (!document)
        return {
          kind: "usage",
          message: `${name} has no version "${ref.version}"; its versions are ${versions.join(", ")}`,
        };
      resolved.set(`${name}@${ref.version}`, { service, version: ref.version, yaml: document.yaml });
    }
  }
  return { kind: "ok", value: resolved };
}
