/**
 * `test/fixtures/openapi/media-types.yaml` on the wire: the generated package (type-checked
 * strictly, then run) against a real HTTP server on 127.0.0.1. Bytes come back exactly (every
 * byte value, never decoded as text); the `accept` header is what the caller chose (or the default
 * kind's media types); event streams arrive event by event; JSON, form and multipart bodies (with a
 * file) reach the server as sent, parsed there by undici's `Request.formData()`, not by our code.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { compiledClient, compilePackages, type CompiledPackages } from "./compile-packages.ts";

const built = buildPackage({
  file: join(repoRoot, "test/fixtures/openapi/media-types.yaml"),
  source: "test/fixtures/openapi/media-types.yaml",
});
const source = (path: string): string => built.files.find((f) => f.path === path)?.content ?? "";

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Every byte value, then random ones: not valid UTF-8, so any text decoding would change it. */
const BYTES = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);

let compiled: CompiledPackages;
let server: Server;
let origin = "";
const received: Received[] = [];
/** Answers a request; set by each test. */
let answer: (request: Received, response: ServerResponse) => void | Promise<void> = (_, response) => {
  response.writeHead(500).end();
};

beforeAll(async () => {
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ media: library }, "media-types");
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      void answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

/** The client of the compiled package, pointed at the local server, without retries. */
const client = () => compiledClient(compiled, "media", "MediaTypesFixtureClient", origin);

function last(): Received {
  const request = received.at(-1);
  if (!request) throw new Error("the server received nothing");
  return request;
}

/** An answer with a body, its content type and status 200. */
const reply = (contentType: string, body: string | Buffer) => (_: Received, res: ServerResponse) => {
  res.writeHead(200, { "content-type": contentType }).end(body);
};

/** Parses a form or multipart body with undici (Node's fetch implementation), independently of the generated code. */
function formData(request: Received): Promise<FormData> {
  const headers = { "content-type": String(request.headers["content-type"]) };
  return new Request("http://127.0.0.1/", { method: "POST", headers, body: new Uint8Array(request.body) }).formData();
}

it("type-checks strictly, with no `any` in the generated code", () => {
  expect(built.diagnostics).toEqual([]);
  expect(compiled.diagnostics).toBe("");
  // `any` as a type (annotations, assertions, type arguments, arrays, unions), not the word in prose.
  const anyType = /(:\s*any\b|\bas any\b|<any\b|\bany\[\]|\|\s*any\b)/;
  for (const file of built.files.filter((f) => f.path.endsWith(".ts")))
    expect(file.content, file.path).not.toMatch(anyType);
});

describe("binary responses", () => {
  it.each([
    ["getThumbnail", "image/png"],
    ["getRecording", "video/mp4"],
    ["downloadArchive", "application/zip"],
    ["exportData", "application/octet-stream"],
  ])("%s returns the bytes exactly (%s)", async (operation, contentType) => {
    answer = reply(contentType, BYTES);
    const result = await (await client())[operation]!("a");
    expect(result).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(result as Uint8Array).equals(BYTES)).toBe(true);
  });

  it("asks for every declared image type by default, and for exactly the one the caller chose", async () => {
    answer = reply("image/png", BYTES);
    const api = await client();
    await api["getThumbnail"]!("a");
    expect(last().headers.accept).toBe("image/jpeg, image/png");
    await api["getThumbnail"]!("a", { accept: "image/png" });
    expect(last().headers.accept).toBe("image/png");
    await api["getRecording"]!("a", { accept: "audio/mpeg" });
    expect(last().headers.accept).toBe("audio/mpeg");
  });
});

describe("a response in JSON, PDF or CSV", () => {
  it("is parsed as JSON by default, asking for JSON only", async () => {
    answer = reply("application/json", JSON.stringify({ title: "Q3", rows: 2 }));
    expect(await (await client())["getReport"]!("q3")).toEqual({ title: "Q3", rows: 2 });
    expect(last().headers.accept).toBe("application/json");
  });

  it("is text when the caller asks for CSV, and bytes when they ask for PDF", async () => {
    const api = await client();
    answer = reply("text/csv", "title,rows\nQ3,2\n");
    expect(await api["getReport"]!("q3", { accept: "text/csv" })).toBe("title,rows\nQ3,2\n");
    expect(last().headers.accept).toBe("text/csv");
    answer = reply("application/pdf", BYTES);
    const pdf = await api["getReport"]!("q3", { accept: "application/pdf" });
    expect(Buffer.from(pdf as Uint8Array).equals(BYTES)).toBe(true);
    expect(last().headers.accept).toBe("application/pdf");
  });
});

describe("event streams", () => {
  /** Writes `parts` one by one, each flushed as its own chunk; `gate` holds back the parts after the first. */
  const streamAnswer =
    (parts: readonly (string | Buffer)[], gate: Promise<void>) => async (_: Received, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.flushHeaders();
      for (const [index, part] of parts.entries()) {
        if (index === 1) await gate;
        await new Promise<void>((resolve) => res.write(part, () => resolve()));
        await new Promise((resolve) => setImmediate(resolve));
      }
      res.end();
    };
  const text = "data: héllo\r\n\r\n";
  const bytes = Buffer.from(text);
  const splitInE = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
  const parts = [
    "\uFEFF: the server is ready\n\nevent: delta\nid: 7\ndata: first\ndata:  second\n\n",
    "event: delta\r",
    "\ndata: split at CR LF\r",
    "\n\r\n",
    bytes.subarray(0, splitInE),
    bytes.subarray(splitInE),
    "retry: 1500\nevent: done\ndata: [DONE]\n\n",
    "data: never completed\n",
  ];
  const expected: ServerSentEvent[] = [
    { event: "delta", data: "first\n second", id: "7" },
    { event: "delta", data: "split at CR LF", id: "7" },
    { event: "message", data: "héllo", id: "7" },
    { event: "done", data: "[DONE]", id: "7", retry: 1500 },
  ];

  it("come event by event when the caller asks for them, the first before the server sends the rest", async () => {
    let release: () => void = () => undefined;
    answer = streamAnswer(parts, new Promise((resolve) => (release = resolve)));
    const stream = (await (
      await client()
    )["createCompletion"]!({ prompt: "hi" }, { accept: "text/event-stream" })) as AsyncIterable<ServerSentEvent>;
    expect(last().headers.accept).toBe("text/event-stream");
    expect(JSON.parse(last().body.toString("utf8"))).toEqual({ prompt: "hi" });
    const seen: ServerSentEvent[] = [];
    for await (const event of stream) {
      seen.push(event);
      release(); // the server sends the rest only now: a client that waited for the whole body would hang
    }
    expect(seen).toEqual(expected);
  });

  it("leave the JSON answer the default", async () => {
    answer = reply("application/json", JSON.stringify({ text: "hello" }));
    expect(await (await client())["createCompletion"]!({ prompt: "hi" })).toEqual({ text: "hello" });
    expect(last().headers.accept).toBe("application/json");
  });

  it("are the result of an operation that only streams", async () => {
    answer = streamAnswer(parts, Promise.resolve());
    const seen: ServerSentEvent[] = [];
    for await (const event of (await (
      await client()
    )["streamEvents"]!()) as AsyncIterable<ServerSentEvent>)
      seen.push(event);
    expect(seen).toEqual(expected);
    expect(last().headers.accept).toBe("text/event-stream");
  });

  it("stop when the caller aborts, with the abort reason", async () => {
    answer = streamAnswer(parts, new Promise(() => undefined)); // the rest never comes
    const controller = new AbortController();
    const reason = new Error("enough");
    const stream = (await (
      await client()
    )["streamEvents"]!({ abortSignal: controller.signal })) as AsyncIterable<ServerSentEvent>;
    const iterate = (async () => {
      for await (const _event of stream) controller.abort(reason);
    })();
    await expect(iterate).rejects.toBe(reason);
  });
});

describe("a request body in JSON, form or multipart", () => {
  const created = (_: Received, res: ServerResponse) => {
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ name: "Rex" }));
  };

  it("sends JSON", async () => {
    answer = created;
    await (
      await client()
    )["createPet"]!({ contentType: "application/json", value: { name: "Rex", tags: ["a", "b"] } });
    expect(last().headers["content-type"]).toBe("application/json");
    expect(JSON.parse(last().body.toString("utf8"))).toEqual({ name: "Rex", tags: ["a", "b"] });
  });

  it("sends a form", async () => {
    answer = created;
    await (
      await client()
    )["createPet"]!({
      contentType: "application/x-www-form-urlencoded",
      value: { name: "Rex & Co=1", tags: ["a", "b"] },
    });
    expect(last().headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = await formData(last());
    expect(form.get("name")).toBe("Rex & Co=1");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
  });

  it("sends multipart with the file part's bytes intact", async () => {
    answer = created;
    await (
      await client()
    )["createPet"]!({ contentType: "multipart/form-data", value: { name: "Rex", photo: new Uint8Array(BYTES) } });
    expect(last().headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formData(last());
    expect(form.get("name")).toBe("Rex");
    const photo = form.get("photo");
    expect(photo).toBeInstanceOf(Blob);
    expect(Buffer.from(await (photo as Blob).arrayBuffer()).equals(BYTES)).toBe(true);
  });

  it("sends raw bytes in the image type the caller chose", async () => {
    answer = (_, res) => void res.writeHead(204).end();
    const api = await client();
    await api["setPetPhoto"]!("rex", { contentType: "image/png", value: new Blob([BYTES]) });
    expect(last().headers["content-type"]).toBe("image/png");
    expect(last().body.equals(BYTES)).toBe(true);
    await api["setPetPhoto"]!("rex", { contentType: "image/jpeg", value: new Uint8Array(BYTES) });
    expect(last().headers["content-type"]).toBe("image/jpeg");
  });
});

it("documents the accept option and the content-type union in the generated functions", () => {
  expect(source("src/api/thumbnails.ts")).toContain('accept?: "image/jpeg" | "image/png";');
  expect(source("src/api/completions.ts")).toContain(
    '  options: CreateCompletionOptions & { accept: "text/event-stream" },\n): Promise<EventStream>;',
  );
  expect(source("src/api/pets.ts")).toContain('{ contentType: "multipart/form-data"; value: PetUpload }');
});
