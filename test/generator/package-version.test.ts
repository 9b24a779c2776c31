/**
 * A package's npm version: the config's when it names one (checked against the packages generated),
 * else derived from the API version; and the command generated files name to regenerate a config build.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config/config.ts";
import { npmVersion } from "../../generator/build/package-naming.ts";
import { configuredVersion, versionProblems } from "../../generator/build/package-version.ts";
import { configRegenerateCommand } from "../../generator/build/regenerate-command.ts";

const dir = mkdtempSync(join(tmpdir(), "specsmith-version-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serviceWithVersion(version: unknown) {
  const file = join(dir, "specsmith.config.json");
  writeFileSync(file, JSON.stringify({ services: [{ name: "svc", typespec: "main.tsp", version }] }, null, 2));
  const config = (await loadConfig(file)).value!;
  return { config, service: config.services[0]! };
}

describe("the npm version of a package", () => {
  it("derives semver from a partial info.version instead of a 0.0.0 pre-release", () => {
    expect(["1.2", "3", "2024-05-01-preview", "1.2.3-beta.1", "v1"].map(npmVersion)).toEqual([
      "1.2.0",
      "3.0.0",
      "2024.5.1-preview",
      "1.2.3-beta.1",
      "0.0.0-v1",
    ]);
  });

  it("takes the config's version, one for all or one per API version", async () => {
    expect(configuredVersion("1.0.1", "2024-05-01")).toBe("1.0.1");
    expect(configuredVersion({ "2024-05-01": "2024.5.2" }, "2024-05-01")).toBe("2024.5.2");
    expect(configuredVersion({ "2024-05-01": "2024.5.2" }, "2025-01-01")).toBeUndefined();
    const { config, service } = await serviceWithVersion({ "2024-05-01": "2024.5.2" });
    expect(versionProblems(config, service, ["2024-05-01", "2025-01-01"])).toEqual([]);
  });

  it("refuses one version for several packages, and a key naming an API version not generated", async () => {
    const one = await serviceWithVersion("1.0.1");
    expect(versionProblems(one.config, one.service, ["2024-05-01"])).toEqual([]);
    const [several] = versionProblems(one.config, one.service, ["2024-05-01", "2025-01-01"]);
    expect(several).toMatchObject({ code: "invalid-config", location: { pointer: "/services/0/version", line: 6 } });
    expect(several?.message).toBe(
      'service "svc" generates 2 API versions ("2024-05-01", "2025-01-01"); one `version` would publish them all as "1.0.1": key it by API version, e.g. {"2024-05-01": "1.0.1"}',
    );
    const keyed = await serviceWithVersion({ "2023-01-01": "2023.1.2" });
    const [unknown] = versionProblems(keyed.config, keyed.service, ["2024-05-01"]);
    expect(unknown).toMatchObject({
      code: "unknown-version",
      location: { pointer: "/services/0/version/2023-01-01", line: 7 },
    });
  });
});

describe("the command that regenerates a config build", () => {
  it("is `npm run generate` where the package.json script runs specsmith generate, else specsmith generate with the config relative to the working folder", () => {
    const config = join(dir, "specsmith.config.json");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ scripts: { generate: "specsmith generate" } }));
    expect(configRegenerateCommand(config, "/elsewhere")).toBe("npm run generate");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ scripts: { build: "tsc" } }));
    expect(configRegenerateCommand(config, dir)).toBe("specsmith generate");
    expect(configRegenerateCommand(config, join(dir, ".."))).toBe(
      `specsmith generate --config ${dir.split("/").pop()}/specsmith.config.json`,
    );
    expect(configRegenerateCommand(join(dir, "my config.json"), dir)).toBe(
      "specsmith generate --config 'my config.json'",
    );
  });
});
