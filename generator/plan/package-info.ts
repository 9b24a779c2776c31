import type { PackageMetadata } from "../config/config.ts";

/** What the emitters know about the npm package they write, besides the API itself. */
export interface PackageInfo {
  /** npm name, e.g. "@specsmith/communication-identity". */
  readonly name: string;
  /** npm version: the config's, or derived from the API version ("2025.3.2-preview" for "2025-03-02-preview"). */
  readonly version: string;
  /** Folder under `generated/packages/`, e.g. "communication-identity-2025-03-02-preview". */
  readonly directory: string;
  /** The service name from the config, e.g. "communication-identity". */
  readonly service: string;
  /** Exported client class name, e.g. "CommunicationIdentityClient". */
  readonly clientName: string;
  /** One line saying the file is generated; every emitted source file starts with it. */
  readonly header: string;
  /** What the config says about the package's maintainers (license, author, ...), for package.json. */
  readonly metadata?: PackageMetadata;
}

/**
 * The environment variable that turns on the package's stderr log: `AZURE_LOG_LEVEL` for Azure
 * services (what their official SDKs read), else one named for the package (`@acme/widgets` reads
 * `WIDGETS_LOG_LEVEL`).
 */
export function logLevelVariable(pkg: PackageInfo, azure: boolean): string {
  if (azure) return "AZURE_LOG_LEVEL";
  const base = pkg.name
    .replace(/^@[^/]*\//, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  return `${base.toUpperCase() || "SDK"}_LOG_LEVEL`;
}
