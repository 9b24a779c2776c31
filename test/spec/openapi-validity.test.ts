/** Every emitted document passes an independent validator (swagger-parser: schema + semantics). */
import SwaggerParser from "@apidevtools/swagger-parser";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../support/operation-table.ts";
import { generatedDir } from "../support/paths.ts";

const openapiDir = join(generatedDir, "openapi");
const documents = readdirSync(openapiDir, { recursive: true })
  .map(String)
  .filter((path) => path.endsWith(".yaml"))
  .sort();

describe("emitted OpenAPI documents", () => {
  it("exist for all three API versions", () => {
    expect(documents).toEqual([
      "api-management/2022-08-01.yaml",
      "communication-identity/2023-10-01.yaml",
      "communication-identity/2025-03-02-preview.yaml",
    ]);
  });

  it.each(documents)("%s is valid OpenAPI 3.0", async (path) => {
    const doc = loadDocument(join(openapiDir, path));
    expect(doc["openapi"]).toBe("3.0.0");
    // validate() throws with every problem it finds; resolving without a throw means zero errors.
    await expect(SwaggerParser.validate(join(openapiDir, path))).resolves.toBeTruthy();
  });
});
