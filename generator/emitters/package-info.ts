import type { PackageMetadata } from "../config.ts";

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
