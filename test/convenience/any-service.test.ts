/**
 * The convenience layer is data, not Identity code: a fixture service of its own
 * (`test/fixtures/convenience/gadgets.yaml` and its naming file) gets a layer under a name of its
 * own beside the generated client, which type-checks with the package, and whose method sends the
 * mapped path parameter, query option and body fields to a server on 127.0.0.1 and builds its
 * result, or names the property the service left out.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseCliNaming } from "../../generator/plan/cli/naming-file.ts";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { typeCheckPackages } from "../support/type-check.ts";

const fixtures = join(repoRoot, "test/fixtures/convenience");

interface Renamed {
  readonly id: string;
  readonly label: string;
  readonly createdAt: Date;
}
interface GadgetModule {
  GadgetClient: new (options?: { endpoint?: string; retry?: { maxRetries: number } }) => {
    rename(
      gadget: { gadgetId: string },
      name: string,
      options?: { notify?: boolean; dryRun?: boolean },
    ): Promise<Renamed>;
    renameGadget: unknown;
  };
  GadgetServiceClient: unknown;
}

let files: OutputFile[] = [];
let work = "";
let server: Server;
let endpoint = "";
const seen: { method?: string; url?: string; body: string }[] = [];
let answer = "";

beforeAll(async () => {
  const namingFile = join(fixtures, "gadgets.cli.yaml");
  const naming = parseCliNaming(namingFile, readFileSync(namingFile, "utf8"));
  expect(naming.diagnostics).toEqual([]);
  const built = buildPackage({
    file: join(fixtures, "gadgets.yaml"),
    packageName: "gadgets",
    ...(naming.value ? { cliNaming: naming.value } : {}),
  });
  expect(built.diagnostics).toEqual([]);
  files = built.files;
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".tmp", "convenience-gadgets-"));
  for (const file of files) {
    await mkdir(dirname(join(work, file.path)), { recursive: true });
    await writeFile(join(work, file.path), file.content);
  }
  server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, body });
      response.writeHead(200, { "content-type": "application/json" }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  if (work && !process.env["KEEP_TMP"]) await rm(work, { recursive: true, force: true });
});

it("is emitted beside the generated client, both exported", () => {
  const index = files.find((f) => f.path === "src/index.ts")?.content ?? "";
  expect(index).toContain(
    'export { GadgetClient, type GadgetRef, type RenameOptions, type Renamed } from "./convenience.js";',
  );
  expect(index).toContain('export { GadgetServiceClient } from "./client.js";');
  expect(files.find((f) => f.path === "src/convenience.ts")?.content).toContain(
    "export class GadgetClient extends GadgetServiceClient {",
  );
});

it("checks an optional property the result reads through once, into a local, however many fields it feeds", () => {
  const source = files.find((f) => f.path === "src/convenience.ts")?.content ?? "";
  expect(source.match(/present\(/g)).toHaveLength(1);
  // `gadget` is a parameter of the method: the local takes another name instead of shadowing it.
  expect(source).toContain(
    '    const resultGadget = present(result.gadget, "gadget");\n    return { id: resultGadget.id, label: resultGadget.label, createdAt: resultGadget.createdAt };\n',
  );
});

it("type-checks with the package's own compiler options", { timeout: 120_000 }, async () => {
  const checked = await typeCheckPackages([{ name: "gadgets", files }], "convenience-gadgets");
  try {
    expect(checked.output).toBe("");
  } finally {
    await checked.cleanUp();
  }
});

it("sends the mapped parameter, query option and body fields, and builds the declared result", async () => {
  const { GadgetClient } = (await import(pathToFileURL(join(work, "src/index.ts")).href)) as GadgetModule;
  const client = new GadgetClient({ endpoint, retry: { maxRetries: 0 } });
  answer = JSON.stringify({ gadget: { id: "g-1", label: "Lamp", createdAt: "2024-05-01T10:00:00Z" }, warnings: [] });
  const renamed = await client.rename({ gadgetId: "g 1" }, "Lamp", { notify: true, dryRun: true });
  expect(renamed).toEqual({ id: "g-1", label: "Lamp", createdAt: new Date("2024-05-01T10:00:00Z") });
  expect(seen.at(-1)).toEqual({
    method: "POST",
    url: "/gadgets/g%201/rename?dryRun=true",
    body: '{"newName":"Lamp","notify":true}',
  });
  await client.rename({ gadgetId: "g-2" }, "Desk");
  expect(seen.at(-1)).toEqual({ method: "POST", url: "/gadgets/g-2/rename", body: '{"newName":"Desk"}' });
});

it("names the property a result needs when the service leaves it out", async () => {
  const { GadgetClient } = (await import(pathToFileURL(join(work, "src/index.ts")).href)) as GadgetModule;
  answer = JSON.stringify({ warnings: ["not renamed"] });
  await expect(new GadgetClient({ endpoint }).rename({ gadgetId: "g-1" }, "Lamp")).rejects.toThrow(
    'The service\'s response lacks "gadget"',
  );
});
