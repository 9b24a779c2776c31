/**
 * A local HTTP server for the consumer calls: it listens on 127.0.0.1 only (port chosen by the OS),
 * records every request and answers with whatever the current test sets.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received (still percent-encoded). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  #reply: (request: RecordedRequest) => Reply = () => ({ status: 500, body: "no reply set" });
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<RecordingServer> {
    const server = createServer();
    const recording = new RecordingServer(server);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const request = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        recording.requests.push(request);
        const reply = recording.#reply(request);
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? "");
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return recording;
  }

  /** `http://127.0.0.1:<port>` */
  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Sets the answer to the next requests and forgets the requests recorded so far. */
  answer(reply: (request: RecordedRequest) => Reply): void {
    this.requests.length = 0;
    this.#reply = reply;
  }

  stop(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve, reject) => this.#server.close((error) => (error ? reject(error) : resolve())));
  }
}
