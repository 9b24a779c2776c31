/**
 * The diff names operations as the generator does: both name the client after `info.title`, or
 * the file's name without one, and the client's name decides which `Group_Name` ids keep their group.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadApi } from "../../generator/diff/load-api.ts";
import { analyzePackage } from "../../generator/build/package-analysis.ts";

const dir = mkdtempSync(join(tmpdir(), "specsmith-client-name-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a document without a title: the diff's operation names are the package's", () => {
  const file = join(dir, "widgets.json");
  const ok = { "200": { description: "ok" } };
  writeFileSync(
    file,
    JSON.stringify({
      openapi: "3.0.3",
      info: { version: "1" },
      paths: {
        "/a": { post: { operationId: "Widgets_CheckNameAvailability", responses: ok } },
        "/b": { post: { operationId: "Gadgets_CheckStock", responses: ok } },
      },
    }),
  );
  const generated = analyzePackage({
    file,
    packageName: "widgets",
    service: "widgets",
    regenerate: "specsmith generate",
  }).ready?.ir;
  const diffed = loadApi(file).value;
  const names = (ops: readonly { name: string }[] | undefined) => ops?.map((o) => o.name).sort();
  expect(names(generated?.operations)).toEqual(["checkNameAvailability", "gadgetsCheckStock"]);
  expect(names(diffed?.operations)).toEqual(names(generated?.operations));
});
