/**
 * `text/event-stream` responses (server-sent events): the body is read as it arrives and parsed as
 * the HTML standard's "event stream interpretation" describes, so each event reaches the caller as
 * soon as its blank line does, however the bytes are split into chunks.
 */
import { ResponseTooLargeError } from "./errors.ts";
import { defaultMaxResponseBytes, type RawResponse, type RequestOptions } from "./send-request.ts";

/** One event of a `text/event-stream` response. */
export interface ServerSentEvent {
  /** The `event:` field; `"message"` when the event has none. */
  event: string;
  /** The `data:` lines of the event, joined with `\n`. */
  data: string;
  /** The last `id:` the stream set (it carries over to later events), when one was set. */
  id?: string;
  /** The reconnection time (`retry:`, in milliseconds) the stream set since the previous event. */
  retry?: number;
}

/**
 * The events of a response, in order. Break out of the loop (or call `return()`) to close the
 * connection; the stream also ends when the server closes it, or with the abort signal's reason.
 */
export type EventStream = AsyncGenerator<ServerSentEvent, void, undefined>;

/**
 * Reads the events of a response sent with `stream: true` (or of a body already read whole).
 * @param response the response; its `stream` is consumed.
 * @param options `abortSignal` cancels the read (iteration then throws the signal's reason);
 * `maxResponseBytes` bounds each event (the stream itself may run for ever), so a server that never
 * ends a line cannot fill the memory: a larger event throws `ResponseTooLargeError`.
 */
export async function* readEventStream(response: RawResponse, options: RequestOptions = {}): EventStream {
  const { abortSignal } = options;
  const parser = new EventStreamParser(options.maxResponseBytes ?? defaultMaxResponseBytes);
  if (!response.stream) {
    yield* parser.push(response.bodyText);
    return;
  }
  const reader = response.stream.getReader();
  const onAbort = (): void => void reader.cancel(abortSignal?.reason).catch(() => undefined);
  abortSignal?.addEventListener("abort", onAbort, { once: true });
  // Streaming decode: a UTF-8 character split across chunks is decoded once both halves arrived.
  const decoder = new TextDecoder();
  try {
    for (;;) {
      abortSignal?.throwIfAborted();
      const { done, value } = await reader.read();
      abortSignal?.throwIfAborted();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    // An event the stream ends before its blank line is discarded, as the standard says.
  } finally {
    abortSignal?.removeEventListener("abort", onAbort);
    // Releases the connection when the caller stops early; a no-op on a finished stream.
    await reader.cancel().catch(() => undefined);
  }
}

/** The line parser: fed text in any pieces, yields each event when its blank line arrives. */
class EventStreamParser {
  readonly #limit: number;
  /** Characters of the event being read: its lines so far and the unfinished line. */
  #size = 0;
  #pending = "";
  /** The previous piece ended with CR: a LF starting the next piece belongs to that line end. */
  #afterCarriageReturn = false;
  #event = "";
  #data: string[] = [];
  #lastId = "";
  #retry: number | undefined;

  constructor(limit: number) {
    this.#limit = limit;
  }

  *push(text: string): Generator<ServerSentEvent, void, undefined> {
    if (text === "") return;
    const skip = this.#afterCarriageReturn && text.startsWith("\n") ? 1 : 0;
    this.#afterCarriageReturn = false;
    // Counted in UTF-16 units, which never exceed the UTF-8 bytes they came from.
    if ((this.#size += text.length) > this.#limit)
      throw new ResponseTooLargeError(`An event of the stream exceeds ${this.#limit} bytes`);
    let buffer = this.#pending + text.slice(skip);
    // Lines end with CRLF, LF or CR.
    for (let end = buffer.search(/[\r\n]/); end !== -1; end = buffer.search(/[\r\n]/)) {
      const line = buffer.slice(0, end);
      let next = end + 1;
      if (buffer[end] === "\r") {
        if (next === buffer.length) this.#afterCarriageReturn = true;
        else if (buffer[next] === "\n") next++;
      }
      buffer = buffer.slice(next);
      // A blank line ends the event: what is left of the text belongs to the next one.
      if (line === "") this.#size = buffer.length;
      const event = this.#line(line);
      if (event) yield event;
    }
    this.#pending = buffer;
  }

  /** Processes one line; returns the event a blank line completes. */
  #line(line: string): ServerSentEvent | undefined {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) return undefined; // a comment (often a keep-alive)
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.#event = value;
    else if (field === "data") this.#data.push(value);
    else if (field === "id" && !value.includes("\0")) this.#lastId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.#retry = Number(value);
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const hasData = this.#data.length > 0;
    const event: ServerSentEvent = { event: this.#event || "message", data: this.#data.join("\n") };
    if (this.#lastId) event.id = this.#lastId;
    if (this.#retry !== undefined) event.retry = this.#retry;
    this.#event = "";
    this.#data = [];
    // An event without data is not dispatched (its fields are dropped, `id` excepted).
    if (!hasData) return undefined;
    this.#retry = undefined;
    return event;
  }
}
