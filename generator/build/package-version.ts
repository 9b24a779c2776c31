/**
 * The npm version of a generated package: the config's `version` when it names one (a fix release
 * of a package whose API version did not change), else the one derived from the API version
 * (`npmVersion`). The config's own schema checks that each is semver; this checks that each
 * belongs to a package that is generated.
 */
import type { Config, ServiceConfig, DocumentServiceConfig } from "../config/config.ts";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostics.ts";

type VersionSetting = ServiceConfig["version"];

/** The configured npm version for one API version of a service; undefined: derive it. */
export function configuredVersion(setting: VersionSetting, apiVersion: string): string | undefined {
  if (setting === undefined || typeof setting === "string") return setting;
  return Object.hasOwn(setting, apiVersion) ? setting[apiVersion] : undefined;
}

/**
 * A `version` that cannot be meant as written: one string for several packages (they would be
 * published as the same npm version), or a key naming an API version that is not generated.
 */
export function versionProblems(
  config: Config,
  service: ServiceConfig | DocumentServiceConfig,
  generated: readonly string[],
): Diagnostic[] {
  const setting = service.version;
  const pointer = `/services/${service.index}/version`;
  const list = generated.map((v) => `"${v}"`).join(", ") || "none";
  if (setting === undefined) return [];
  if (typeof setting === "string") {
    if (generated.length <= 1) return [];
    const message = `service "${service.name}" generates ${generated.length} API versions (${list}); one \`version\` would publish them all as "${setting}": key it by API version, e.g. {"${generated[0]}": "${setting}"}`;
    return [createDiagnostic("invalid-config", { problem: message }, config.locate(pointer))];
  }
  return Object.keys(setting)
    .filter((apiVersion) => !generated.includes(apiVersion))
    .map((apiVersion) =>
      createDiagnostic(
        "unknown-version",
        {
          problem: `\`version\` of service "${service.name}" names API version "${apiVersion}", which it does not generate (it generates ${list})`,
        },
        config.locate(`${pointer}/${apiVersion.replace(/~/g, "~0").replace(/\//g, "~1")}`),
      ),
    );
}
