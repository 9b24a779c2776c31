/** `generated/` is committed: it must equal a fresh generation, byte for byte, every time. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config/config.ts";
import { buildOutputs } from "../../generator/build/pipeline.ts";
import { diffTree } from "../../generator/output/write-tree.ts";
import { repoRoot } from "../support/paths.ts";

async function build() {
  const config = await loadConfig(join(repoRoot, "specsmith.config.json"));
  expect(config.diagnostics).toEqual([]);
  return { config: config.value!, result: await buildOutputs(config.value!) };
}

describe("npm run generate", () => {
  it("reproduces the committed generated/ tree exactly (run `npm run generate` if this fails)", async () => {
    const { config, result } = await build();
    expect(result.diagnostics).toEqual([]);
    expect(await diffTree(config.output, result.files)).toEqual({ added: [], changed: [], removed: [] });
  });

  it("is deterministic: two generations give the same bytes", async () => {
    const first = (await build()).result.files;
    const second = (await build()).result.files;
    expect(second).toEqual(first);
  });
});
