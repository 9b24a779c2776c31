/**
 * The generated package of one side of a diff, built in memory when no build is at hand (the CLI):
 * the same `emitSources` that `npm run generate` uses, without the scaffolding (package.json,
 * README), which exports nothing.
 */
import { emitSources } from "../../build/print-files.ts";
import type { ApiIR } from "../../ir/types.ts";
import type { OutputFile } from "../../output/write-tree.ts";
import { npmVersion, packageInfo } from "../../build/package-naming.ts";
import type { SdkPackage } from "../types.ts";

export interface GeneratedPackage {
  readonly package: SdkPackage;
  readonly files: readonly OutputFile[];
}

/** `packageName` defaults, like `specsmith generate --spec`, to the kebab-cased title. */
export function generatedPackage(
  api: ApiIR,
  names: { readonly packageName?: string; readonly service?: string } = {},
): GeneratedPackage {
  const service =
    names.service ??
    (api.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") ||
      "api");
  // Never written: only the exports are read, so the header's command does not matter.
  const pkg = packageInfo({
    packageName: names.packageName ?? service,
    service,
    apiVersion: api.apiVersion,
    title: api.title,
    source: service,
    regenerate: "specsmith diff",
  });
  return { package: sdkPackage(pkg.name, api.apiVersion), files: emitSources(api, pkg) };
}

/** How a report names a package: npm name and the npm version of the API version. */
export function sdkPackage(name: string, apiVersion: string): SdkPackage {
  return { name, version: npmVersion(apiVersion) };
}
