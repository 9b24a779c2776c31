/**
 * The CLI runtime every generated package ships (`generator/runtime/cli/`), in process:
 * output formats read back, flag values, the command line, redaction, error classes and a whole
 * run of a small program with a fake context.
 */
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { convertFlag } from "../../generator/runtime/cli/flag-values.ts";
import { OUTPUT_FORMATS } from "../../generator/runtime/cli/global-options.ts";
import { createRedactor, loggingFetch, redactBody, redactUrl } from "../../generator/runtime/cli/http-log.ts";
import { formatOutput } from "../../generator/runtime/cli/output-formats.ts";
import { parseCommandLine } from "../../generator/runtime/cli/parse-command-line.ts";
import type { CliIo, CommandSpec, FlagSpec, Program } from "../../generator/runtime/cli/program.ts";
import { classify, runProgram } from "../../generator/runtime/cli/run-program.ts";
import { stripAnsi } from "./support/cli-package.ts";

const TRICKY = [
  "true",
  "No",
  "8:acs:x_y",
  "",
  " lead",
  "trail ",
  "a: b",
  "#c",
  "0123",
  "1e3",
  "two\nlines",
  'quote"s',
  "null",
  "~",
  "-dash",
  "@at",
  "é ü",
  "key: [1]",
];

describe("output formats read back", () => {
  const values: unknown[] = [
    { userId: "8:acs:1", token: "eyJ.x.y", expiresOn: "2025-01-01T00:00:00.000Z" },
    {
      identity: { id: "8:acs:1", lastTokenIssuedAt: null },
      accessToken: { token: "t", expiresOn: "2025" },
      scopes: ["chat", "voip"],
      n: 3,
      ok: true,
    },
    [{ a: 1 }, { a: 2, b: [] }, { c: {} }],
    "just a string",
    42,
    [],
    Object.fromEntries(TRICKY.map((t, i) => [t || "empty", [t, i]])),
    TRICKY,
  ];

  it.each(values.map((v) => [JSON.stringify(v).slice(0, 60), v]))(
    "json, jsonc, yaml and yamlc: %s",
    async (_label, value) => {
      expect(JSON.parse(await formatOutput(value, "json"))).toEqual(value);
      expect(JSON.parse(stripAnsi(await formatOutput(value, "jsonc")))).toEqual(value);
      expect(parseYaml(await formatOutput(value, "yaml"))).toEqual(value);
      expect(parseYaml(stripAnsi(await formatOutput(value, "yamlc")))).toEqual(value);
      expect(await formatOutput(value, "none")).toBe("");
    },
  );

  it("colours jsonc and yamlc, and only those", async () => {
    for (const format of OUTPUT_FORMATS) {
      const text = await formatOutput({ a: "b" }, format, { color: true });
      expect(text.includes("\u001b["), format).toBe(format === "jsonc" || format === "yamlc");
    }
  });

  // Table and tsv layouts, byte for byte as az prints them: az-compat.test.ts.
  it("prints nothing for an operation without a result", async () => {
    for (const format of OUTPUT_FORMATS) expect(await formatOutput(undefined, format)).toBe("");
  });
});

const io = (overrides: Partial<CliIo> = {}): CliIo & { out: string; err: string } => {
  const state = { out: "", err: "" };
  return Object.assign(state, {
    env: {},
    stdinIsTerminal: false,
    writeOut: (t: string) => void (state.out += t),
    writeOutBytes: (bytes: Uint8Array) => void (state.out += new TextDecoder().decode(bytes)),
    writeErr: (t: string) => void (state.err += t),
    writeFile: () => {
      throw Object.assign(new Error("no files here"), { code: "EACCES" });
    },
    readLine: () => Promise.resolve(undefined),
    readFile: (path: string) => {
      if (path === "body.json") return new TextEncoder().encode('{"when":"2025-01-02T03:04:05Z","n":1}');
      throw Object.assign(new Error("nope"), { code: "ENOENT" });
    },
    ...overrides,
  });
};

describe("flag values", () => {
  const flag = (type: FlagSpec["type"]): FlagSpec => ({ name: "f", help: "", type });
  const convert = (type: FlagSpec["type"], texts: string[], allowUnknown = false) =>
    convertFlag(flag(type), texts, { io: io(), allowUnknown });
  const scopes: FlagSpec["type"] = {
    kind: "array",
    items: { kind: "enum", values: ["chat", "voip"], extensible: true },
  };

  const accepted: [string, FlagSpec["type"], string[], unknown, boolean?][] = [
    ["an integer", { kind: "number", integer: true }, ["42"], 42],
    ["a number", { kind: "number", integer: false }, ["-1.5"], -1.5],
    ["a boolean", { kind: "boolean" }, ["no"], false],
    ["a date-time", { kind: "date-time" }, ["2025-01-02T03:04:05+01:00"], new Date("2025-01-02T02:04:05Z")],
    [
      "an enum, case-insensitively, as the spec writes it",
      { kind: "enum", values: ["Primary"], extensible: false },
      ["primary"],
      "Primary",
    ],
    ["several enum values", scopes, ["chat", "VOIP"], ["chat", "voip"]],
    ["an unknown value of an extensible enum, when allowed", scopes, ["chat.beta"], ["chat.beta"], true],
    // az sends any --scope; the warning is tested in az-compat.test.ts.
    ["an unknown value of an extensible enum, warned about", scopes, ["chat", "bogus"], ["chat", "bogus"]],
    ["inline JSON", { kind: "json" }, ['{"a":[1]}'], { a: [1] }],
    [
      "JSON from @file, date-times revived",
      { kind: "json", revive: { kind: "object", properties: [["when", { kind: "date-time" }]] } },
      ["@body.json"],
      { when: new Date("2025-01-02T03:04:05Z"), n: 1 },
    ],
    ["text", { kind: "text" }, ["plain"], "plain"],
  ];
  it.each(accepted)("%s", (_what, type, texts, expected, allowUnknown = false) => {
    expect(convert(type, texts, allowUnknown)).toEqual(expected);
  });

  it.each([
    ["not a number", { kind: "number", integer: false }, ["ten"], "argument --f: 'ten' is not a number"],
    ["not an integer", { kind: "number", integer: true }, ["1.5"], "argument --f: '1.5' is not an integer"],
    ["not a boolean", { kind: "boolean" }, ["maybe"], "argument --f: 'maybe' is not true or false"],
    [
      "not a date-time",
      { kind: "date-time" },
      ["2025-01-02"],
      "argument --f: '2025-01-02' is not an RFC 3339 date-time such as 2025-01-31T12:00:00Z",
    ],
    [
      "a closed enum's unknown value",
      { kind: "enum", values: ["a", "b"], extensible: false },
      ["c"],
      "argument --f: invalid choice: 'c' (choose from 'a', 'b')",
    ],
    [
      "invalid JSON, without echoing it",
      { kind: "json" },
      ['{"secret": x}'],
      /^argument --f: not valid JSON( \(at position \d+\))?; give inline JSON or @file\.json$/,
    ],
    [
      "a missing file",
      { kind: "json" },
      ["@missing.json"],
      "argument --f: cannot read file 'missing.json': no such file",
    ],
  ] as const)("refuses %s", (_what, type, texts, message) => {
    expect(() => convert(type as FlagSpec["type"], [...texts])).toThrow(message);
  });
});

type Calls = { operation: string; params: Record<string, unknown>; body: unknown }[];

function program(calls: Calls, results: Record<string, unknown> = {}): Program<{ endpoint?: string }> {
  const invoke =
    (operation: string, names: string[]) =>
    (_context: { endpoint?: string }, args: { param(n: string): unknown; body(): unknown }) => {
      calls.push({ operation, params: Object.fromEntries(names.map((n) => [n, args.param(n)])), body: args.body() });
      const result = results[operation];
      if (result instanceof Error) throw result;
      return Promise.resolve(result);
    };
  const issue: CommandSpec<{ endpoint?: string }> = {
    path: ["token", "issue"],
    summary: "Issues a token.",
    flags: [
      {
        name: "scope",
        help: "Scopes.",
        type: { kind: "array", items: { kind: "enum", values: ["chat", "voip"], extensible: true } },
        required: true,
      },
      { name: "user", aliases: ["-u"], help: "User.", type: { kind: "string" } },
      { name: "minutes", help: "Minutes.", type: { kind: "number", integer: true }, default: 60, sendDefault: true },
      { name: "body", help: "Body.", type: { kind: "json" } },
    ],
    calls: [
      {
        operation: "issue",
        when: ["user"],
        bind: [
          { flag: "user", to: { param: "id" } },
          { flag: "scope", to: { body: ["scopes"] } },
          { flag: "minutes", to: { body: ["expires", "minutes"] } },
          { flag: "body", to: { body: [] } },
        ],
        output: "{user: flags.user, token: result.token}",
        invoke: invoke("issue", ["id"]),
      },
      {
        operation: "create",
        bind: [{ flag: "scope", to: { body: ["createWith"] } }],
        bodyRequired: true,
        invoke: invoke("create", []),
      },
    ],
    examples: [{ title: "Issue", command: "token issue --scope chat" }],
  };
  const revoke: CommandSpec<{ endpoint?: string }> = {
    path: ["token", "revoke"],
    summary: "Revokes.",
    confirm: "Sure?",
    flags: [{ name: "user", help: "User.", type: { kind: "string" }, required: true }],
    calls: [{ operation: "revoke", bind: [{ flag: "user", to: { param: "id" } }], invoke: invoke("revoke", ["id"]) }],
  };
  const list: CommandSpec<{ endpoint?: string }> = {
    path: ["things", "list"],
    summary: "Lists.",
    flags: [],
    calls: [{ operation: "list", bind: [], invoke: invoke("list", []) }],
  };
  return {
    bin: "demo",
    title: "Demo",
    packageName: "@x/demo",
    version: "1.0.0",
    apiVersion: "2025-01-01-preview",
    preview: true,
    authFlags: [{ name: "endpoint", help: "Endpoint.", type: { kind: "string" }, env: "DEMO_ENDPOINT" }],
    auth: [{ uses: [], endpoint: "optional", create: (auth) => ({ endpoint: auth.optional("endpoint") }) }],
    secretNames: [],
    groups: [{ path: "token", summary: "Token commands." }],
    commands: [issue, revoke, list],
  };
}

describe("runProgram", () => {
  it("picks the call by `when`, builds the body from the flags and shapes the result", async () => {
    const calls: Calls = [];
    const out = io();
    const code = await runProgram(
      program(calls, { issue: { token: "t", expiresOn: new Date(0) } }),
      ["token", "issue", "--scope", "chat", "voip", "-u", "8:acs:1", "--only-show-errors"],
      out,
    );
    expect([code, out.err]).toEqual([0, ""]);
    expect(calls).toEqual([
      { operation: "issue", params: { id: "8:acs:1" }, body: { scopes: ["chat", "voip"], expires: { minutes: 60 } } },
    ]);
    expect(JSON.parse(out.out)).toEqual({ user: "8:acs:1", token: "t" });
  });

  it("merges --body under the field flags, and sends {} for a required body", async () => {
    const calls: Calls = [];
    await runProgram(
      program(calls),
      ["token", "issue", "--user", "u", "--scope=voip", "--body", '{"scopes":["chat"],"extra":1}', "--minutes", "90"],
      io(),
    );
    expect(calls[0]?.body).toEqual({ scopes: ["voip"], extra: 1, expires: { minutes: 90 } });
    await runProgram(program(calls), ["token", "issue", "--scope", "chat"], io());
    expect(calls[1]).toEqual({ operation: "create", params: {}, body: { createWith: ["chat"] } });
  });

  it("sends a body field named __proto__ as an own property, leaving prototypes alone", async () => {
    const calls: Calls = [];
    const p = program(calls);
    const [issue] = p.commands;
    const [call] = issue?.calls ?? [];
    if (!issue || !call) throw new Error("the demo program has a token issue command");
    const bind = call.bind.map((b) =>
      b.flag === "minutes" ? { flag: "minutes", to: { body: ["__proto__", "minutes"] } } : b,
    );
    const hostile = { ...p, commands: [{ ...issue, calls: [{ ...call, bind }] }] };
    expect(await runProgram(hostile, ["token", "issue", "-u", "u", "--scope", "chat", "--minutes", "5"], io())).toBe(0);
    const body = calls[0]?.body as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(body))).toEqual(JSON.parse('{"scopes":["chat"],"__proto__":{"minutes":5}}'));
  });

  it("collects the items of a paged result, and warns about preview versions unless --only-show-errors", async () => {
    async function* pages() {
      yield { id: 1 };
      yield { id: 2 };
    }
    const out = io();
    expect(await runProgram(program([], { list: pages() }), ["things", "list", "--query", "[].id"], out)).toBe(0);
    expect(JSON.parse(out.out)).toEqual([1, 2]);
    expect(out.err).toBe(
      "WARNING: This command calls API version 2025-01-01-preview, which is in preview and may change.\n",
    );
  });

  it("logs the call with --verbose; reads --endpoint from its environment variable", async () => {
    const seen: (string | undefined)[] = [];
    const p = program([]);
    const withContext: typeof p = {
      ...p,
      auth: [{ uses: [], endpoint: "optional", create: (auth) => (seen.push(auth.optional("endpoint")), {}) }],
    };
    const out = io({ env: { DEMO_ENDPOINT: "https://from-env" } });
    await runProgram(withContext, ["things", "list", "--verbose", "--only-show-errors"], out);
    expect(seen).toEqual(["https://from-env"]);
    expect(out.err).toBe("INFO: Calling list\n");
  });

  it("rejects an --endpoint (or its variable) that is not an http(s) URL without echoing it (exit 1)", async () => {
    const secret = "c2VjcmV0LWtleS12YWx1ZQ==";
    const connectionString = `endpoint=https://x.example/;accesskey=${secret}`;
    const created: unknown[] = [];
    const p = program([]);
    const withContext: typeof p = {
      ...p,
      auth: [{ uses: [], endpoint: "optional", create: (auth) => (created.push(auth.optional("endpoint")), {}) }],
    };
    for (const [argv, env, source] of [
      [["--endpoint", connectionString], {}, "--endpoint"],
      [[], { DEMO_ENDPOINT: connectionString }, "DEMO_ENDPOINT"],
      [["--endpoint", `ftp://user:${secret}@x.example/`], {}, "--endpoint"],
    ] as const) {
      const out = io({ env });
      expect(await runProgram(withContext, ["things", "list", ...argv, "--debug"], out)).toBe(1);
      expect(out.err).toBe(`ERROR: ${source} is not an http(s) URL (the value is not shown: it may hold a key)\n`);
      expect(out.out + out.err).not.toContain(secret);
    }
    expect(created).toEqual([]);
  });

  it("confirms on a terminal: y runs, n cancels (1); no terminal needs --yes (1)", async () => {
    const calls: Calls = [];
    const yes = io({
      stdinIsTerminal: true,
      readLine: (prompt) => Promise.resolve(prompt === "Sure? (y/n): " ? "Y" : ""),
    });
    expect(await runProgram(program(calls), ["token", "revoke", "--user", "u", "--only-show-errors"], yes)).toBe(0);
    const no = io({ stdinIsTerminal: true, readLine: () => Promise.resolve("n") });
    expect(await runProgram(program(calls), ["token", "revoke", "--user", "u"], no)).toBe(1);
    expect(no.err).toBe("ERROR: Operation cancelled.\n");
    const none = io();
    expect(await runProgram(program(calls), ["token", "revoke", "--user", "u"], none)).toBe(1);
    expect(await runProgram(program(calls), ["token", "revoke", "--user", "u", "-y", "--only-show-errors"], io())).toBe(
      0,
    );
    expect(calls.map((c) => c.operation)).toEqual(["revoke", "revoke"]);
  });

  it("shows help for the program, a group and a command, with exit code 0", async () => {
    for (const argv of [[], ["--help"], ["token"], ["token", "issue", "-h"]]) {
      const out = io();
      expect(await runProgram(program([]), argv, out)).toBe(0);
      expect(out.err).toBe("");
    }
    const out = io();
    await runProgram(program([]), ["token", "issue", "--help"], out);
    expect(out.out).toMatch(/--scope \[Required\] +: Scopes\. Allowed values: chat, voip\. Takes one or more values\./);
    expect(out.out).toContain("--allow-unknown-scope");
    expect(out.out).toContain("--endpoint : Endpoint. Environment variable: DEMO_ENDPOINT.");
    expect(out.out).toContain("        demo token issue --scope chat");
  });

  it.each([
    [["token", "issue", "--scope"], "argument --scope: expected at least one value"],
    [
      ["token", "issue", "stray"],
      "'stray' is not in the 'demo token issue' command group. See 'demo token issue --help'.",
    ],
    [["token", "issue", "--user", "u", "stray"], "unrecognized argument: stray"],
    [["tokn"], "'tokn' is not in the 'demo' command group. Did you mean 'token'? See 'demo --help'."],
    [["token", "revoke"], "the following arguments are required: --user"],
  ])("usage error: %j", async (argv, message) => {
    const out = io();
    expect(await runProgram(program([]), argv, out)).toBe(2);
    expect(out.err).toBe(`ERROR: ${message}\n`);
  });

  it("turns failures into exit codes, with no stack unless --debug", async () => {
    const error = (name: string, message: string, extra: object = {}) =>
      Object.assign(Object.assign(new Error(message), extra), { name });
    const cases: [Error, number, string][] = [
      [error("HttpError", "401 Unauthorized", { status: 401 }), 1, "401 Unauthorized"],
      [error("HttpError", "403 Forbidden", { status: 403 }), 1, "403 Forbidden"],
      [error("HttpError", "gone", { status: 404, code: "NotFound" }), 3, "404 NotFound: gone"],
      [error("HttpError", "busy", { status: 409 }), 1, "409: busy"],
      [error("HttpError", "409 Conflict", { status: 409 }), 1, "409 Conflict"],
      [error("ResponseParseError", "Expected a JSON body"), 1, "Expected a JSON body"],
      [
        error("RedirectError", "Refusing to follow a redirect to http://x: it leaves http://y"),
        1,
        "Refusing to follow a redirect to http://x: it leaves http://y",
      ],
      [error("ResponseTooLargeError", "The response body exceeds 9 bytes"), 1, "The response body exceeds 9 bytes"],
      [
        error("NetworkError", "The request failed", { cause: new Error("connect ECONNREFUSED") }),
        1,
        "The request failed: connect ECONNREFUSED",
      ],
      [error("TimeoutError", "The request timed out after 5 ms"), 1, "The request timed out after 5 ms"],
      [new TypeError("x is undefined"), 1, "internal error: x is undefined"],
    ];
    for (const [thrown, code, message] of cases) {
      expect(classify(thrown).message).toBe(message);
      const out = io();
      expect(await runProgram(program([], { list: thrown }), ["things", "list", "--only-show-errors"], out)).toBe(code);
      expect(out.err.split("\n")[0]).toBe(`ERROR: ${message}`);
      expect(out.err).not.toContain("    at ");
    }
    const debug = io();
    await runProgram(
      program([], { list: new TypeError("boom") }),
      ["things", "list", "--debug", "--only-show-errors"],
      debug,
    );
    expect(debug.err).toContain("    at ");
  });
});

describe("redaction for --debug", () => {
  const redactor = createRedactor(["value"]);

  it.each([
    ["authorization", true],
    ["x-api-key", true],
    ["accessToken", true],
    ["token", true],
    ["accesskey", true],
    ["aad-token", true],
    ["connectionString", true],
    ["password", true],
    ["value", true],
    ["keyType", false],
    ["createTokenWithScopes", false],
    ["expiresOn", false],
    ["x-ms-content-sha256", false],
    ["code", false],
  ])("%s secret: %s", (name, secret) => {
    expect(redactor.isSecret(name)).toBe(secret);
  });

  it("redacts JSON bodies by property, secret query parameters and URL credentials; summarises other bodies", () => {
    expect(
      redactBody(
        '{"identity":{"id":"8:acs:1"},"accessToken":{"token":"eyJ","expiresOn":"x"},"value":"sig"}',
        "application/json",
        redactor,
      ),
    ).toBe(
      // Everything under a secret name is hidden: `accessToken` holds the token and its expiry.
      '{"identity":{"id":"8:acs:1"},"accessToken":{"token":"REDACTED","expiresOn":"REDACTED"},"value":"REDACTED"}',
    );
    expect(redactUrl("https://u:p@h/x?sig=abc&api-version=1&code=2", redactor)).toBe(
      "https://REDACTED:REDACTED@h/x?sig=REDACTED&api-version=1&code=2",
    );
    expect(redactBody("a=b", "application/x-www-form-urlencoded", redactor)).toBe(
      "(3 bytes of application/x-www-form-urlencoded, not shown)",
    );
  });

  it("--debug hides secret headers, a SAS signature in Location and the URL, and secrets in the bodies", async () => {
    const secret = "s3cr3t-value";
    const inner: typeof fetch = () =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            keys: [{ keyName: "key1", value: secret }],
            key2: secret,
            jwt: secret,
            pwd: secret,
            id: "kept",
          }),
          {
            status: 201,
            headers: {
              "content-type": "application/json",
              location: `https://a.blob.core.windows.net/c/b?sv=2024&sig=${secret}`,
              "x-session": secret,
              "www-authenticate": `Bearer error="${secret}"`,
              "x-request-id": "req-1",
            },
          },
        ),
      );
    const lines: string[] = [];
    const logged = loggingFetch(inner, "debug", redactor, (line) => lines.push(line));
    await logged(`https://h/x?sig=${secret}&api-version=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-ms-authorization-token": secret },
      body: JSON.stringify({ credentials: { user: "me", pass: secret }, refreshTokens: [secret], passphrase: secret }),
    });
    const log = lines.join("\n");
    expect(log).not.toContain(secret);
    expect(log).toContain("Request: POST https://h/x?sig=REDACTED&api-version=1");
    expect(log).toContain("    location: https://a.blob.core.windows.net/c/b?sv=2024&sig=REDACTED");
    expect(log).toContain("    x-session: REDACTED");
    expect(log).toContain("    www-authenticate: REDACTED");
    expect(log).toContain("    x-request-id: req-1");
    expect(log).toContain(
      'Request body: {"credentials":{"user":"REDACTED","pass":"REDACTED"},"refreshTokens":["REDACTED"],"passphrase":"REDACTED"}',
    );
    expect(log).toContain(
      'Response body: {"keys":[{"keyName":"REDACTED","value":"REDACTED"}],"key2":"REDACTED","jwt":"REDACTED","pwd":"REDACTED","id":"kept"}',
    );
  });
});

describe("the command line", () => {
  it("reads words first, then flags; --help anywhere after the words", () => {
    const p = program([]);
    const line = parseCommandLine(p, [
      "token",
      "issue",
      "--scope",
      "chat",
      "voip",
      "--user=u",
      "-o",
      "table",
      "--debug",
    ]);
    expect(line.kind === "command" && Object.fromEntries(line.raw)).toEqual({
      scope: ["chat", "voip"],
      user: ["u"],
      output: ["table"],
      debug: ["true"],
    });
    expect(parseCommandLine(p, ["token", "issue", "--scope", "chat", "-h"]).kind).toBe("help");
    expect(parseCommandLine(p, ["token"])).toEqual({ kind: "help", path: ["token"] });
  });
});
