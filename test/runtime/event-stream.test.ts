/**
 * The event-stream parser of the runtime (`generator/runtime/event-stream.ts`), fed chunk by chunk
 * exactly as given: line ends split across chunks (CR | LF), UTF-8 characters split across chunks,
 * comments, multi-line `data:`, `event:`/`id:`/`retry:`, events without data, a final event the
 * stream ends before its blank line, and cancellation by the caller and by an abort signal.
 */
import { describe, expect, it } from "vitest";
import { readEventStream, type ServerSentEvent } from "../../generator/runtime/event-stream.ts";
import type { RawResponse } from "../../generator/runtime/send-request.ts";

/** A streamed response whose body is the given chunks (strings as UTF-8, or raw bytes). */
function streamed(chunks: readonly (string | Uint8Array)[], onCancel?: () => void): RawResponse {
  const encoder = new TextEncoder();
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
    cancel() {
      onCancel?.();
    },
  });
  return {
    status: 200,
    statusText: "OK",
    headers: new Headers(),
    bodyText: "",
    bodyBytes: new Uint8Array(0),
    stream,
    request: { method: "GET", url: "http://127.0.0.1/" },
  };
}

async function events(
  response: RawResponse,
  signal?: AbortSignal,
  maxResponseBytes?: number,
): Promise<ServerSentEvent[]> {
  const seen: ServerSentEvent[] = [];
  for await (const event of readEventStream(response, { abortSignal: signal, maxResponseBytes })) seen.push(event);
  return seen;
}

/** Every way of cutting `text` into two chunks, the UTF-8 bytes cut anywhere (mid-character too). */
function everySplit(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text);
  return Array.from({ length: bytes.length + 1 }, (_, at) => [bytes.slice(0, at), bytes.slice(at)]);
}

describe("readEventStream", () => {
  const document =
    "\uFEFF: a comment, then an event with a type, an id and two data lines\r\n" +
    "event: delta\r\nid: 7\r\ndata: first\r\ndata:  second keeps one space\r\n\r\n" +
    ": keep-alive\n\n" +
    "data: héllo wörld ✓\rretry: 1500\r\r" +
    "event: empty\nid\n\n" +
    "data\n\n" +
    "event: done\ndata: [DONE]\n\n" +
    "data: the stream ends before this event's blank line\n";
  const expected: ServerSentEvent[] = [
    { event: "delta", data: "first\n second keeps one space", id: "7" },
    { event: "message", data: "héllo wörld ✓", id: "7", retry: 1500 },
    // `id` with no value resets the last event id; `data` with no value is an empty line of data.
    { event: "message", data: "" },
    { event: "done", data: "[DONE]" },
  ];

  it("parses a whole stream in one chunk", async () => {
    expect(await events(streamed([document]))).toEqual(expected);
  });

  it("parses the same events however the bytes are split in two (line ends and characters split too)", async () => {
    for (const chunks of everySplit(document)) expect(await events(streamed(chunks))).toEqual(expected);
  });

  it("parses the same events fed one byte at a time", async () => {
    const bytes = new TextEncoder().encode(document);
    expect(await events(streamed([...bytes].map((b) => Uint8Array.of(b))))).toEqual(expected);
  });

  it("reads CR LF split across chunks as one line end, not as an empty line", async () => {
    const chunks = ["data: a\r", "\ndata: b\r", "\n\r", "\n"];
    expect(await events(streamed(chunks))).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("yields each event as soon as its blank line arrives, before the stream goes on", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode("data: one\n\n"));
        await gate; // the rest only once the first event reached the loop
        controller.enqueue(encoder.encode("data: two\n\n"));
        controller.close();
      },
    });
    const response = { ...streamed([]), stream };
    const seen: string[] = [];
    for await (const event of readEventStream(response)) {
      seen.push(event.data);
      release();
    }
    expect(seen).toEqual(["one", "two"]);
  });

  it("cancels the body when the caller stops early", async () => {
    let cancelled = false;
    const response = streamed(["data: one\n\n", "data: two\n\n", "data: three\n\n"], () => (cancelled = true));
    for await (const event of readEventStream(response)) {
      expect(event.data).toBe("one");
      break;
    }
    expect(cancelled).toBe(true);
  });

  it("rejects with the abort signal's reason and cancels the body", async () => {
    let cancelled = false;
    const controller = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("data: one\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const reason = new Error("stop");
    const iterate = (async () => {
      for await (const _event of readEventStream({ ...streamed([]), stream }, { abortSignal: controller.signal }))
        controller.abort(reason);
    })();
    await expect(iterate).rejects.toBe(reason);
    expect(cancelled).toBe(true);
  });

  it("refuses an event larger than maxResponseBytes, even one whose line never ends, and closes the stream", async () => {
    let cancelled = false;
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(new TextEncoder().encode("data: " + "x".repeat(1000))); // no line end, ever
      },
      cancel() {
        cancelled = true;
      },
    });
    const iterate = events({ ...streamed([]), stream: endless }, undefined, 10_000);
    await expect(iterate).rejects.toMatchObject({ name: "ResponseTooLargeError" });
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(20);
  });

  it("bounds each event, not the whole stream", async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => `data: ${String(i).padStart(90, "0")}\n\n`);
    expect(await events(streamed(chunks), undefined, 200)).toHaveLength(50);
  });

  it("parses a body that was read whole (no stream)", async () => {
    const response = { ...streamed([]), stream: undefined, bodyText: "data: a\n\ndata: b\n\n" };
    expect(await events(response)).toEqual([
      { event: "message", data: "a" },
      { event: "message", data: "b" },
    ]);
  });
});
