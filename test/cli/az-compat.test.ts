/**
 * The generated CLI behaves like `az` for scripts written against it: each output format byte for
 * byte as az prints the same result, the keys the az extension prints, flags and exit codes as
 * az's parser treats them, and az's confirmation prompt. No az here: every expected text below is
 * derived from az's source, cited where it is used:
 *
 * - microsoft/knack `knack/output.py`: json is `json.dumps(ensure_ascii=False, indent=2,
 *   sort_keys=True)` + "\n"; yaml is `yaml.safe_dump(default_flow_style=False, allow_unicode=True)`
 *   (PyYAML: YAML 1.1 quoting, keys sorted, sequences at their key's indent, width 80); jsonc/yamlc
 *   fall back to json/yaml when colour is off (`get_formatter`: "remove color if stdout is not a
 *   tty"); table is `_TableOutput` (keys sorted unless `--query`, `id`/`type`/`etag` skipped, None,
 *   lists and dicts skipped, first letter capitalised) through `tabulate(headers="keys",
 *   tablefmt="simple", disable_numparse=True)` (columns at least header + 2 wide, rows
 *   right-stripped); tsv is `_TsvOutput` (values sorted by key unless `--query`, a nested list
 *   prints its length, a dict '', other values `str()`: `True`, `None`; a lone bool lower case).
 * - Azure/azure-cli-extensions `src/communication/azext_communication/manual/custom.py`:
 *   `token issue` returns `{"user_id", "token", "expires_on": str(token.expires_on)}`;
 *   `get-for-teams-user` returns the SDK's `AccessToken(token, expires_on)` tuple, which
 *   Azure/azure-cli `src/azure-cli-core/azure/cli/core/util.py` `todict` turns into
 *   `{token, expires_on: datetime.isoformat()}`; `revoke` returns None (nothing printed).
 * - same extension, `manual/_params.py`: `--scope` is `nargs='+'` with no choices (az sends any
 *   scope and the service answers), argparse's `store` action keeps the last of repeated flags;
 *   `manual/commands.py`: revoke is registered with `confirmation=True`.
 * - microsoft/knack `knack/commands.py` `_user_confirmed` + `knack/prompting.py` `_prompt_bool`:
 *   the prompt is "Are you sure you want to perform this operation? (y/n): ", asked again until
 *   the answer is y or n (any case); without a tty az warns "Unable to prompt for confirmation as
 *   no tty available. Use --yes." and raises CLIError('Operation cancelled.').
 * - Azure/azure-cli `util.py` `handle_exception`: exit 1 for every error, 3 for
 *   ResourceNotFoundError (404); `parser.py` `AzCliCommandParser.error`: exit 2 for the command line.
 * - Azure/azure-cli issues #580 and #2105: prefix matching of flags is argparse's (`--out tsv`),
 *   an ambiguous prefix is "ambiguous option: --s could match ...".
 */
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { OUTPUT_FORMATS } from "../../generator/runtime/cli/global-options.ts";
import { formatOutput } from "../../generator/runtime/cli/output-formats.ts";
import type { CliIo, CommandSpec, Program } from "../../generator/runtime/cli/program.ts";
import { runProgram } from "../../generator/runtime/cli/run-program.ts";
import { stripAnsi } from "./support/cli-package.ts";

/** What `az communication user-identity token issue` prints, as a value. */
const ISSUED = {
  user_id: "8:acs:abc_def",
  token: "eyJ0eXAi.payload.sig",
  expires_on: "2025-01-02 03:04:05.678000+00:00",
};

describe("each output format, byte for byte as az prints the token issue result", () => {
  const expected: Record<(typeof OUTPUT_FORMATS)[number], string> = {
    json: '{\n  "expires_on": "2025-01-02 03:04:05.678000+00:00",\n  "token": "eyJ0eXAi.payload.sig",\n  "user_id": "8:acs:abc_def"\n}\n',
    // Off a terminal az drops the colour: the same bytes as json/yaml.
    jsonc:
      '{\n  "expires_on": "2025-01-02 03:04:05.678000+00:00",\n  "token": "eyJ0eXAi.payload.sig",\n  "user_id": "8:acs:abc_def"\n}\n',
    // PyYAML quotes a string its YAML 1.1 resolver would read as a timestamp.
    yaml: "expires_on: '2025-01-02 03:04:05.678000+00:00'\ntoken: eyJ0eXAi.payload.sig\nuser_id: 8:acs:abc_def\n",
    yamlc: "expires_on: '2025-01-02 03:04:05.678000+00:00'\ntoken: eyJ0eXAi.payload.sig\nuser_id: 8:acs:abc_def\n",
    table: [
      "Expires_on                        Token                 User_id",
      "--------------------------------  --------------------  -------------",
      "2025-01-02 03:04:05.678000+00:00  eyJ0eXAi.payload.sig  8:acs:abc_def",
      "",
    ].join("\n"),
    tsv: "2025-01-02 03:04:05.678000+00:00\teyJ0eXAi.payload.sig\t8:acs:abc_def\n",
    none: "",
  };

  it.each(OUTPUT_FORMATS.map((f) => [f]))("-o %s", async (format) => {
    // Keys in the order the projection writes them: the formats sort them as az does.
    expect(await formatOutput(ISSUED, format)).toBe(expected[format]);
  });

  it("get-for-teams-user: {expires_on, token}", async () => {
    expect(await formatOutput({ token: "eyJ.t", expires_on: "2025-01-02T03:04:05.678000+00:00" }, "json")).toBe(
      '{\n  "expires_on": "2025-01-02T03:04:05.678000+00:00",\n  "token": "eyJ.t"\n}\n',
    );
  });

  it("colours jsonc and yamlc only on a terminal, and the colours strip back to json and yaml", async () => {
    for (const format of ["jsonc", "yamlc"] as const) {
      const coloured = await formatOutput(ISSUED, format, { color: true });
      expect(coloured).toContain("\u001b[");
      expect(stripAnsi(coloured)).toBe(expected[format === "jsonc" ? "json" : "yaml"]);
    }
    for (const format of ["json", "yaml", "table", "tsv"] as const)
      expect(await formatOutput(ISSUED, format, { color: true })).not.toContain("\u001b[");
  });
});

describe("yaml: PyYAML's safe_dump layout, from the yaml package", () => {
  it("nested empty and non-empty collections read back (the hand-written writer printed null and [object Object])", async () => {
    const value = { nested: [[1, 2], [], {}] };
    const text = await formatOutput(value, "yaml");
    expect(text).toBe("nested:\n- - 1\n  - 2\n- []\n- {}\n");
    expect(parseYaml(text)).toEqual(value);
  });

  it("quotes what YAML 1.1 would read as another type, and sorts nested keys", async () => {
    expect(
      await formatOutput({ b: ["yes", "on", "0123", "", "it's", "two\nlines"], a: { d: null, c: true } }, "yaml"),
    ).toBe("a:\n  c: true\n  d: null\nb:\n- 'yes'\n- 'on'\n- '0123'\n- ''\n- it's\n- 'two\n\n  lines'\n");
  });

  it("writes characters a terminal must not get as escapes inside double quotes, the same data", async () => {
    const value = { "k\u202e": "a\u009bb\u001bc" };
    const text = await formatOutput(value, "yaml");
    expect(text).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(parseYaml(text)).toEqual(value);
  });
});

describe("table and tsv: knack's columns", () => {
  const items = [
    { name: "a", id: "/x/1", isDefault: true, tags: {}, scopes: ["chat"], n: null },
    { name: "bb", location: "eastus" },
  ];

  it("table: sorted scalar fields, id/type/etag/null/nested left out, headers at least two wider", async () => {
    expect(await formatOutput(items, "table")).toBe(
      [
        "IsDefault    Name    Location",
        "-----------  ------  ----------",
        "True         a",
        "             bb      eastus",
        "",
      ].join("\n"),
    );
    expect(await formatOutput("x", "table")).toBe("Result\n--------\nx\n");
  });

  it("tsv: values by sorted key, a list as its length, a dict as nothing, Python's True and None", async () => {
    expect(await formatOutput(items, "tsv")).toBe("/x/1\tTrue\tNone\ta\t1\t\neastus\tbb\n");
    expect(await formatOutput(true, "tsv")).toBe("true\n");
    expect(await formatOutput({ nested: [[1, 2], [], {}] }, "tsv")).toBe("3\n");
  });

  it("with --query the query's key order is kept (json stays sorted)", async () => {
    const queried = { token: "t", expires: "e" };
    expect(await formatOutput(queried, "tsv", { queried: true })).toBe("t\te\n");
    expect(await formatOutput(queried, "table", { queried: true })).toBe(
      "Token    Expires\n-------  ---------\nt        e\n",
    );
    expect(await formatOutput(queried, "json", { queried: true })).toBe('{\n  "expires": "e",\n  "token": "t"\n}\n');
  });
});

// ---- the command line and exit codes, through runProgram --------------------------------------

interface Run {
  code: number;
  out: string;
  err: string;
  prompts: string[];
  sent: unknown[];
}

function demo(sent: unknown[], result: unknown): Program<object> {
  const issue: CommandSpec<object> = {
    path: ["token", "issue"],
    summary: "Issues a token.",
    flags: [
      {
        name: "scope",
        help: "Scopes.",
        type: { kind: "array", items: { kind: "enum", values: ["chat", "voip"], extensible: true } },
        required: true,
      },
      { name: "scale", help: "A closed enum.", type: { kind: "enum", values: ["small", "large"], extensible: false } },
      { name: "user", help: "User.", type: { kind: "string" } },
    ],
    calls: [
      {
        operation: "issue",
        bind: [{ flag: "scope", to: { body: ["scopes"] } }],
        output: "{user_id: flags.user, token: result.token, expires_on: result.expiresOn}",
        dates: "python-str",
        invoke: (_context, args) => {
          sent.push(args.body());
          if (result instanceof Error) throw result;
          return Promise.resolve(result);
        },
      },
    ],
  };
  const revoke: CommandSpec<object> = {
    path: ["token", "revoke"],
    summary: "Revokes.",
    confirm: "Are you sure you want to perform this operation?",
    flags: [{ name: "user", help: "User.", type: { kind: "string" }, required: true }],
    calls: [{ operation: "revoke", bind: [], invoke: () => (sent.push("revoked"), Promise.resolve(undefined)) }],
  };
  return {
    bin: "demo",
    title: "Demo",
    packageName: "@x/demo",
    version: "1.0.0",
    apiVersion: "2025-01-01",
    preview: false,
    authFlags: [
      { name: "subscription", help: "A global flag sharing a prefix with --scope.", type: { kind: "string" } },
    ],
    auth: [{ uses: [], endpoint: "none", create: () => ({}) }],
    secretNames: [],
    groups: [],
    commands: [issue, revoke],
  };
}

async function run(
  argv: readonly string[],
  options: { result?: unknown; answers?: string[]; terminal?: boolean } = {},
): Promise<Run> {
  const state: Run = { code: -1, out: "", err: "", prompts: [], sent: [] };
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    env: {},
    stdinIsTerminal: options.terminal ?? false,
    writeOut: (t) => void (state.out += t),
    writeOutBytes: (bytes) => void (state.out += new TextDecoder().decode(bytes)),
    writeErr: (t) => void (state.err += t),
    writeFile: () => {
      throw Object.assign(new Error("no files here"), { code: "EACCES" });
    },
    readLine: (prompt) => (state.prompts.push(prompt), Promise.resolve(answers.shift())),
    readFile: () => {
      throw Object.assign(new Error("no files here"), { code: "ENOENT" });
    },
  };
  state.code = await runProgram(
    demo(state.sent, options.result ?? { token: "eyJ.t", expiresOn: new Date("2025-01-02T03:04:05.678Z") }),
    argv,
    io,
  );
  return state;
}

describe("token issue as az prints it", () => {
  it("user_id, token and expires_on as Python's str(datetime), keys sorted", async () => {
    const { code, out, err } = await run(["token", "issue", "--scope", "chat", "--user", "8:acs:1"]);
    expect([code, err]).toEqual([0, ""]);
    expect(out).toBe(
      '{\n  "expires_on": "2025-01-02 03:04:05.678000+00:00",\n  "token": "eyJ.t",\n  "user_id": "8:acs:1"\n}\n',
    );
    // A whole second has no microseconds, as in Python.
    const whole = await run(["token", "issue", "--scope", "chat", "--user", "u", "-o", "tsv"], {
      result: { token: "t", expiresOn: new Date("2025-01-02T03:04:05Z") },
    });
    expect(whole.out).toBe("2025-01-02 03:04:05+00:00\tt\tu\n");
  });
});

describe("flags as az's argparse reads them", () => {
  it("a unique prefix names a long flag (--out tsv, --us)", async () => {
    const { code, out } = await run(["token", "issue", "--scope", "chat", "--us", "u", "--out", "tsv"]);
    expect(code).toBe(0);
    expect(out).toBe("2025-01-02 03:04:05.678000+00:00\teyJ.t\tu\n");
  });

  it("an ambiguous prefix is a usage error (exit 2) naming the candidates", async () => {
    const { code, err, sent } = await run(["token", "issue", "--s", "chat"]);
    expect(code).toBe(2);
    expect(err).toBe("ERROR: ambiguous option: --s could match --scope, --scale, --subscription\n");
    expect(sent).toEqual([]);
  });

  it("a repeated --scope keeps its last values, with a warning", async () => {
    const { code, err, sent } = await run([
      "token",
      "issue",
      "--scope",
      "chat",
      "--scope",
      "voip",
      "--user",
      "a",
      "--user",
      "b",
    ]);
    expect(code).toBe(0);
    expect(sent).toEqual([{ scopes: ["voip"] }]);
    expect(err).toBe(
      "WARNING: --scope was given more than once: only its last value counts (as in az).\nWARNING: --user was given more than once: only its last value counts (as in az).\n",
    );
  });

  it("an unknown scope is sent as given, as az sends it, with a warning --allow-unknown-scope silences", async () => {
    const warned = await run(["token", "issue", "--scope", "chat", "teams.future"]);
    expect(warned.code).toBe(0);
    expect(warned.sent).toEqual([{ scopes: ["chat", "teams.future"] }]);
    expect(warned.err).toBe(
      "WARNING: argument --scope: 'teams.future' is not one of 'chat', 'voip'; sending it as given (the service decides).\n",
    );
    const quiet = await run(["token", "issue", "--scope", "teams.future", "--allow-unknown-scope"]);
    expect([quiet.code, quiet.err]).toEqual([0, ""]);
  });

  it("a value outside a closed enum is refused (exit 2), as az's get_enum_type choices are", async () => {
    const { code, err } = await run(["token", "issue", "--scope", "chat", "--scale", "huge"]);
    expect(code).toBe(2);
    expect(err).toBe("ERROR: argument --scale: invalid choice: 'huge' (choose from 'small', 'large')\n");
  });
});

describe("the confirmation prompt", () => {
  it("asks az's question, again until y or n", async () => {
    const yes = await run(["token", "revoke", "--user", "u"], { terminal: true, answers: ["maybe", "", "Y"] });
    expect(yes.code).toBe(0);
    expect(yes.prompts).toEqual(Array(3).fill("Are you sure you want to perform this operation? (y/n): "));
    expect(yes.sent).toEqual(["revoked"]);
    const no = await run(["token", "revoke", "--user", "u"], { terminal: true, answers: ["N"] });
    expect([no.code, no.err, no.sent]).toEqual([1, "ERROR: Operation cancelled.\n", []]);
  });

  it("without a terminal: az's warning, 'Operation cancelled.' and exit 1; --yes runs", async () => {
    const none = await run(["token", "revoke", "--user", "u"]);
    expect([none.code, none.err, none.sent]).toEqual([
      1,
      "WARNING: Unable to prompt for confirmation as no tty available. Use --yes.\nERROR: Operation cancelled.\n",
      [],
    ]);
    const forced = await run(["token", "revoke", "--user", "u", "--yes"]);
    expect([forced.code, forced.out, forced.sent]).toEqual([0, "", ["revoked"]]);
  });
});

describe("exit codes as az returns them", () => {
  const httpError = (status: number) =>
    Object.assign(new Error(`${status} Failure: no`), { name: "HttpError", status });
  it.each([
    [httpError(404), 3],
    [httpError(400), 1],
    [httpError(401), 1],
    [httpError(500), 1],
    [Object.assign(new Error("The request failed"), { name: "NetworkError" }), 1],
    [new TypeError("a bug"), 1],
  ])("%s -> %i", async (error, code) => {
    const result = await run(["token", "issue", "--scope", "chat"], { result: error });
    expect(result.code).toBe(code);
    expect(result.err.split("\n")[0]).toMatch(/^ERROR: /);
  });

  it("a command line az's parser refuses exits 2", async () => {
    expect((await run(["token", "issue"])).code).toBe(2);
    expect((await run(["token", "issue", "--scope", "chat", "--nope"])).code).toBe(2);
  });
});
