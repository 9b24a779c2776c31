/**
 * The generated command-line programs, built and installed as users get them (see
 * `support/cli-package.ts`), run as child processes against the local services on 127.0.0.1.
 * Covers seed 003's `az communication user-identity token` examples in every `--output` format,
 * `--query`, the connection-string environment variable, errors and their exit codes, the
 * confirmation of `revoke` with and without a terminal, `--debug` redaction, and API Management's
 * user token command.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startApimService, type ApimService } from "../support/services/apim-service.ts";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { output } from "../packages/support/package-tools.ts";
import {
  installGeneratedCli,
  makeWorkDir,
  runBin,
  runBinOnTerminal,
  stripAnsi,
  type InstalledCli,
} from "./support/cli-package.ts";

const ENV_VAR = "AZURE_COMMUNICATION_CONNECTION_STRING";
const FORMATS = ["json", "jsonc", "none", "table", "tsv", "yaml", "yamlc"] as const;
type Format = (typeof FORMATS)[number];

/** Seed 003's examples, verbatim (after the `az communication` prefix). */
const SEED = {
  issue: "user-identity token issue --scope chat",
  issueWithUser: 'user-identity token issue --scope chat voip --user "8:acs:xxxxxx"',
  revoke: 'user-identity token revoke --user "8:acs:xxxxxx"',
  teams: 'user-identity token get-for-teams-user --aad-token "aad-123-xyz" --client "app-id-123-xyz" --aad-user "uid"',
};

/** Shell words of an example (double quotes only, as the seed writes them). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

/** What a format printed, read back: JSON/YAML data, table rows keyed by column title, tsv cells. */
function parseOutput(text: string, format: Format): unknown {
  switch (format) {
    case "json":
      return JSON.parse(text);
    case "jsonc":
      return JSON.parse(stripAnsi(text));
    case "yaml":
    case "yamlc":
      return parseYaml(stripAnsi(text));
    case "none":
      return text === "" ? null : { unexpected: text };
    case "table": {
      const [head = "", rule = "", ...rows] = text.trimEnd().split("\n");
      expect(rule).toMatch(/^[- ]+$/);
      const titles = head.split(/ {2,}/);
      return rows.map((row) => Object.fromEntries(row.split(/ {2,}/).map((cell, i) => [titles[i], cell])));
    }
    case "tsv":
      return text
        .trimEnd()
        .split("\n")
        .map((line) => line.split("\t"));
  }
}

/** The `{ user_id, token, expires_on }` an issue command printed (az's keys and column order), in any format. */
function issued(text: string, format: Format): { userId: string; token: string; expiresOn: string } {
  const data = parseOutput(text, format);
  if (format === "table") {
    const [row] = data as Record<string, string>[];
    return { userId: row?.["User_id"] ?? "", token: row?.["Token"] ?? "", expiresOn: row?.["Expires_on"] ?? "" };
  }
  if (format === "tsv") {
    const [[expiresOn = "", token = "", userId = ""] = []] = data as string[][];
    return { userId, token, expiresOn };
  }
  const printed = data as { user_id: string; token: string; expires_on: string };
  return { userId: printed.user_id, token: printed.token, expiresOn: printed.expires_on };
}

let work: { dir: string; cleanUp: () => Promise<void> };
let preview: InstalledCli;
let stable: InstalledCli;
let apimCli: InstalledCli;
let identity: IdentityService;
let apim: ApimService;

beforeAll(async () => {
  work = await makeWorkDir("cli");
  [preview, stable, apimCli, identity, apim] = await Promise.all([
    installGeneratedCli("communication-identity-2025-03-02-preview", work.dir),
    installGeneratedCli("communication-identity-2023-10-01", work.dir),
    installGeneratedCli("api-management-2022-08-01", work.dir),
    startIdentityService({
      // The seed's Teams example, verbatim: its AAD token names this app and user.
      bearerTokens: [
        {
          token: "aad-123-xyz",
          expiresOn: Date.now() + 3_600_000,
          principal: { objectId: "uid", tenantId: "tenant", clientId: "app-id-123-xyz" },
        },
      ],
    }),
    startApimService({ bearerTokens: [{ token: "arm-token", expiresOn: Date.now() + 3_600_000 }] }),
  ]);
}, 240_000);

afterAll(async () => {
  await Promise.all([identity?.close(), apim?.close()]);
  await work?.cleanUp();
});

const env = (): Record<string, string> => ({ [ENV_VAR]: identity.connectionString });
const cli = (args: readonly string[], extraEnv: Record<string, string> = env()) =>
  runBin(preview.bin, args, { env: extraEnv });

/** A fresh identity with a chat token, made through the CLI itself. */
async function newUser(): Promise<{ userId: string; token: string }> {
  const run = await cli([...words(SEED.issue), "--only-show-errors"]);
  expect(run.code, output(run)).toBe(0);
  return issued(run.stdout, "json");
}

describe("the installed package", () => {
  it("has a bin that runs through its shebang, and no runtime dependency", async () => {
    expect(preview.name).toBe("communication-identity");
    expect(preview.installedManifest["dependencies"]).toBeUndefined();
    const run = await runBin(preview.bin, ["--help"], { direct: true });
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain("user-identity");
    expect(run.stdout).toContain("Exit codes:");
  });

  it("documents the seed's commands and examples in its README", () => {
    const readme = readFileSync(
      join(preview.consumer, "node_modules/@specsmith/communication-identity/README.md"),
      "utf8",
    );
    expect(readme).toContain("## Command line");
    for (const example of Object.values(SEED)) expect(readme).toContain(`communication-identity ${example}`);
    expect(readme).toContain(ENV_VAR);
    const apimReadme = readFileSync(join(apimCli.consumer, "node_modules/@specsmith/api-management/README.md"), "utf8");
    expect(apimReadme).toContain("api-management user token get");
    expect(apimReadme).toContain("--key-type");
  });
});

describe("seed 003: user-identity token issue", () => {
  it.each(FORMATS)("without --user creates an identity and its token (-o %s)", async (format) => {
    const run = await cli([...words(SEED.issue), "--output", format]);
    expect(run.code, output(run)).toBe(0);
    if (format === "none") {
      expect(run.stdout).toBe("");
      return;
    }
    const { userId, token, expiresOn } = issued(run.stdout, format);
    expect(userId).toMatch(/^8:acs:/);
    expect(identity.state.getIdentity(userId)).toBeDefined();
    expect(identity.state.inspectToken(token).claims?.scopes).toEqual(["chat"]);
    expect(identity.state.isTokenValid(token)).toBe(true);
    // Python's str(datetime), as az prints it: `2025-01-02 03:04:05.678000+00:00`.
    expect(expiresOn).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{6})?\+00:00$/);
  });

  it.each(FORMATS)("with --user and two scopes issues a token for that user (-o %s)", async (format) => {
    const { userId } = await newUser();
    const run = await cli([...words(SEED.issueWithUser.replace("8:acs:xxxxxx", userId)), "-o", format]);
    expect(run.code, output(run)).toBe(0);
    if (format === "none") {
      expect(run.stdout).toBe("");
      return;
    }
    const result = issued(run.stdout, format);
    expect(result.userId).toBe(userId);
    expect(identity.state.inspectToken(result.token).claims).toMatchObject({ sub: userId, scopes: ["chat", "voip"] });
  });

  it.each(FORMATS)(
    "prints, byte for byte, what az prints for the same result (-o %s, stdout not a terminal)",
    async (format) => {
      const { userId } = await newUser();
      const run = await cli([
        ...words(SEED.issueWithUser.replace("8:acs:xxxxxx", userId)),
        "-o",
        format,
        "--only-show-errors",
      ]);
      expect(run.code, output(run)).toBe(0);
      if (format === "none") return expect(run.stdout).toBe("");
      // The values as read back; the bytes around them must be az's layout (az-compat.test.ts cites knack).
      const { token, expiresOn } = issued(run.stdout, format);
      expect(expiresOn).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{6})?\+00:00$/);
      const json = `{\n  "expires_on": "${expiresOn}",\n  "token": "${token}",\n  "user_id": "${userId}"\n}\n`;
      const yaml = `expires_on: '${expiresOn}'\ntoken: ${token}\nuser_id: ${userId}\n`;
      const widths = [
        ["Expires_on", expiresOn],
        ["Token", token],
        ["User_id", userId],
      ].map(([title = "", cell = ""]) => Math.max(title.length + 2, cell.length));
      const line = (texts: readonly string[]) =>
        texts
          .map((t, i) => t.padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd();
      const table = [
        line(["Expires_on", "Token", "User_id"]),
        line(widths.map((w) => "-".repeat(w))),
        line([expiresOn, token, userId]),
        "",
      ].join("\n");
      const az: Record<Exclude<Format, "none">, string> = {
        json,
        jsonc: json,
        yaml,
        yamlc: yaml,
        table,
        tsv: `${expiresOn}\t${token}\t${userId}\n`,
      };
      expect(run.stdout).toBe(az[format]);
    },
  );

  it("colours -o jsonc on a terminal only (knack's get_formatter), the same data", async () => {
    const run = await runBinOnTerminal(
      preview.bin,
      [...words(SEED.issue), "-o", "jsonc", "--only-show-errors"],
      /\}/,
      "",
      env(),
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("\u001b[");
    expect(Object.keys(JSON.parse(stripAnsi(run.stdout)) as object)).toEqual(["expires_on", "token", "user_id"]);
  });

  it("works against the 2023-10-01 package too", async () => {
    const run = await runBin(stable.bin, words(SEED.issue), { env: env() });
    expect(run.code, output(run)).toBe(0);
    expect(identity.state.isTokenValid(issued(run.stdout, "json").token)).toBe(true);
    // Only the preview version warns that it is a preview.
    expect(run.stderr).toBe("");
  });

  it("--query selects fields, and -o tsv prints them bare for scripts", async () => {
    const token = await cli([...words(SEED.issue), "--query", "token", "-o", "tsv", "--only-show-errors"]);
    expect(token.code, output(token)).toBe(0);
    expect(identity.state.isTokenValid(token.stdout.trim())).toBe(true);
    const pair = await cli([
      ...words(SEED.issue),
      "--query",
      "{id: user_id, expires: expires_on}",
      "--only-show-errors",
    ]);
    // json sorts keys, as az's does.
    expect(Object.keys(JSON.parse(pair.stdout) as object)).toEqual(["expires", "id"]);
    const bad = await cli([...words(SEED.issue), "--query", "[[", "--only-show-errors"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("takes the connection string from AZURE_COMMUNICATION_CONNECTION_STRING, or from --connection-string", async () => {
    const fromEnv = await cli(words(SEED.issue));
    expect(fromEnv.code, output(fromEnv)).toBe(0);
    const fromFlag = await cli([...words(SEED.issue), "--connection-string", identity.connectionString], {});
    expect(fromFlag.code, output(fromFlag)).toBe(0);
    // The flag wins over the variable.
    const both = await cli([...words(SEED.issue), "--connection-string", identity.connectionString], {
      [ENV_VAR]: "endpoint=https://elsewhere.invalid/;accesskey=AAAA",
    });
    expect(both.code, output(both)).toBe(0);
    const neither = await cli(words(SEED.issue), {});
    expect(neither.code).toBe(1);
    expect(neither.stderr).toMatch(
      /^ERROR: no credentials: pass --connection-string \(or set AZURE_COMMUNICATION_CONNECTION_STRING\)/,
    );
  });

  it("logs the HTTP exchange with --debug, with the key, the signature and the token redacted", async () => {
    const run = await cli([...words(SEED.issue), "--debug"]);
    expect(run.code, output(run)).toBe(0);
    const { token } = issued(run.stdout, "json");
    expect(run.stderr).toContain("DEBUG: Request: POST");
    expect(run.stderr).toContain("authorization: REDACTED");
    expect(run.stderr).toContain('"token":"REDACTED"');
    expect(run.stderr).toContain('"createTokenWithScopes":["chat"]');
    for (const secret of [token, identity.accessKey, "HMAC-SHA256 SignedHeaders"])
      expect(run.stderr).not.toContain(secret);
    // Without --debug nothing but the token the command issued is printed.
    const quiet = await cli([...words(SEED.issue), "--only-show-errors"]);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).not.toContain(identity.accessKey);
  });
});

describe("errors: one line on stderr and the documented exit code", () => {
  const oneLine = (text: string) => expect(text.trim().split("\n"), text).toHaveLength(1);

  it.each([
    [
      "a missing required flag",
      ["user-identity", "token", "issue"],
      2,
      /^ERROR: the following arguments are required: --scope$/,
    ],
    [
      "missing required flags",
      ["user-identity", "token", "get-for-teams-user", "--client", "c"],
      2,
      /^ERROR: the following arguments are required: --aad-token, --aad-user$/,
    ],
    // `--scop` is a prefix of `--scope`, which az's argparse accepts; `--scopes` is not.
    [
      "an unknown flag",
      ["user-identity", "token", "issue", "--scopes", "chat"],
      2,
      /^ERROR: unrecognized argument: --scopes\. Did you mean --scope\?$/,
    ],
    [
      "an unknown command",
      ["user-identity", "token", "isue"],
      2,
      /^ERROR: 'isue' is not in the 'communication-identity user-identity token' command group\. Did you mean 'issue'\?/,
    ],
    [
      "an unknown output format",
      ["user-identity", "token", "issue", "--scope", "chat", "-o", "xml"],
      2,
      /^ERROR: argument --output: invalid choice: 'xml'/,
    ],
  ])("%s", async (_what, args, code, message) => {
    const run = await cli(args);
    expect(run.code, output(run)).toBe(code);
    oneLine(run.stderr);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("a malformed connection string (never echoed)", async () => {
    const secret = "endpoint=not a url;accesskey=c2VjcmV0LWtleQ==";
    for (const run of [
      await cli([...words(SEED.issue), "--connection-string", secret], {}),
      await cli(words(SEED.issue), { [ENV_VAR]: secret }),
    ]) {
      expect(run.code, output(run)).toBe(1);
      oneLine(run.stderr);
      expect(run.stderr).toMatch(/^ERROR: Invalid connection string: expected "endpoint=<url>;accesskey=<key>"/);
      expect(run.stderr).not.toContain("c2VjcmV0LWtleQ");
    }
  });

  it("an unknown scope is sent, as az sends it (the service decides); --allow-unknown-scope drops the warning", async () => {
    const warned = await cli(["user-identity", "token", "issue", "--scope", "chat.beta"]);
    expect(warned.code, output(warned)).toBe(0);
    expect(warned.stderr).toMatch(/^WARNING: argument --scope: 'chat\.beta' is not one of 'chat', /m);
    const run = await cli([
      "user-identity",
      "token",
      "issue",
      "--scope",
      "chat.beta",
      "--allow-unknown-scope",
      "--only-show-errors",
    ]);
    expect(run.code, output(run)).toBe(0);
    expect(identity.state.inspectToken(issued(run.stdout, "json").token).claims?.scopes).toEqual(["chat.beta"]);
  });

  it("a wrong key (401: auth), an unknown user (404: not found), a bad id (400: service)", async () => {
    const wrongKey = identity.connectionString.replace(
      /accesskey=.*/,
      `accesskey=${Buffer.from("wrong").toString("base64")}`,
    );
    const auth = await cli([...words(SEED.issue), "--connection-string", wrongKey], {});
    expect(auth.code, output(auth)).toBe(1);
    oneLine(auth.stderr.replace(/^WARNING:.*\n/m, ""));
    const { userId } = await newUser();
    const missing = await cli([
      "user-identity",
      "token",
      "revoke",
      "--user",
      `${userId}0`,
      "--yes",
      "--only-show-errors",
    ]);
    expect(missing.code, output(missing)).toBe(3);
    expect(missing.stderr).toMatch(/^ERROR: 404 IdentityNotFound: /);
    const invalid = await cli([...words(SEED.issueWithUser), "--only-show-errors"]);
    expect(invalid.code, output(invalid)).toBe(1);
    expect(invalid.stderr).toMatch(/^ERROR: 400 \w+: /);
    oneLine(invalid.stderr);
  });

  it("no service listening (network)", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const run = await cli(
      [
        ...words(SEED.issue),
        "--connection-string",
        `endpoint=http://127.0.0.1:${port}/;accesskey=AAAA`,
        "--only-show-errors",
      ],
      {},
    );
    expect(run.code, output(run)).toBe(1);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^ERROR: The request failed/);
  }, 30_000);
});

describe("seed 003: user-identity token revoke", () => {
  it("refuses without --yes when there is no terminal, and revokes nothing", async () => {
    const { userId, token } = await newUser();
    const run = await cli(words(SEED.revoke.replace("8:acs:xxxxxx", userId)));
    expect(run.code, output(run)).toBe(1);
    expect(run.stderr.replace(/^WARNING: This command calls API version.*\n/m, "")).toBe(
      "WARNING: Unable to prompt for confirmation as no tty available. Use --yes.\nERROR: Operation cancelled.\n",
    );
    expect(identity.state.isTokenValid(token)).toBe(true);
    expect(
      identity.requests.some(
        (r) => r.path.endsWith(":revokeAccessTokens") && r.path.includes(encodeURIComponent(userId)),
      ),
    ).toBe(false);
  });

  it.each(FORMATS)("revokes with --yes and prints nothing (-o %s)", async (format) => {
    const { userId, token } = await newUser();
    const run = await cli([
      ...words(SEED.revoke.replace("8:acs:xxxxxx", userId)),
      "--yes",
      "-o",
      format,
      "--only-show-errors",
    ]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toBe("");
    expect(identity.state.isTokenValid(token)).toBe(false);
  });

  it("asks on a terminal: 'y' revokes", async () => {
    const { userId, token } = await newUser();
    const run = await runBinOnTerminal(
      preview.bin,
      words(SEED.revoke.replace("8:acs:xxxxxx", userId)),
      /\(y\/n\): /,
      "y",
      env(),
    );
    expect(run.code, run.stdout).toBe(0);
    expect(stripAnsi(run.stdout)).toContain("Are you sure you want to perform this operation? (y/n):");
    expect(identity.state.isTokenValid(token)).toBe(false);
  });

  it("asks on a terminal: 'n' cancels with exit code 1", async () => {
    const { userId, token } = await newUser();
    const run = await runBinOnTerminal(
      preview.bin,
      [...words(SEED.revoke.replace("8:acs:xxxxxx", userId)), "--only-show-errors"],
      /\(y\/n\): /,
      "n",
      env(),
    );
    expect(run.code, run.stdout).toBe(1);
    expect(stripAnsi(run.stdout)).toContain("ERROR: Operation cancelled.");
    expect(identity.state.isTokenValid(token)).toBe(true);
  });
});

describe("seed 003: user-identity token get-for-teams-user", () => {
  it.each(FORMATS)("exchanges the Teams user's AAD token (-o %s)", async (format) => {
    const run = await cli([...words(SEED.teams), "-o", format, "--only-show-errors"]);
    expect(run.code, output(run)).toBe(0);
    if (format === "none") return expect(run.stdout).toBe("");
    const data = parseOutput(run.stdout, format);
    const token =
      format === "table"
        ? (data as Record<string, string>[])[0]?.["Token"]
        : format === "tsv"
          ? (data as string[][])[0]?.[1]
          : (data as { token: string }).token;
    expect(identity.state.inspectToken(token ?? "").claims?.sub).toBe("8:orgid:uid");
  });

  it("maps the flags onto token, appId and userId", async () => {
    const run = await cli([...words(SEED.teams.replace("app-id-123-xyz", "other-app")), "--only-show-errors"]);
    expect(run.code, output(run)).toBe(1);
    expect(run.stderr).toMatch(/appId does not match/);
    const last = identity.requests.filter((r) => r.path === "/teamsUser/:exchangeAccessToken").at(-1);
    expect(JSON.parse(String(last?.body))).toEqual({ token: "aad-123-xyz", appId: "other-app", userId: "uid" });
  });
});

describe("api-management: user token get", () => {
  const expiry = () => new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
  const base = () => [
    "user",
    "token",
    "get",
    "--subscription",
    "sub1",
    "-g",
    "rg1",
    "-n",
    "apimService1",
    "--user-id",
    "userId1718",
    "--endpoint",
    apim.url,
  ];

  it.each(FORMATS)("gets a token signed with the key --key-type names, until --expiry (-o %s)", async (format) => {
    const run = await runBin(apimCli.bin, [...base(), "--expiry", expiry(), "--key-type", "secondary", "-o", format], {
      env: { AZURE_ACCESS_TOKEN: "arm-token" },
    });
    expect(run.code, output(run)).toBe(0);
    if (format === "none") return expect(run.stdout).toBe("");
    const data = parseOutput(run.stdout, format);
    const value =
      format === "table"
        ? (data as Record<string, string>[])[0]?.["Value"]
        : format === "tsv"
          ? (data as string[][])[0]?.[0]
          : (data as { value: string }).value;
    expect(apim.state.verifyUserToken(value ?? "")).toMatchObject({ userId: "userId1718", keyType: "secondary" });
  });

  it("defaults --key-type to primary (the spec's default) and checks --expiry", async () => {
    const run = await runBin(apimCli.bin, [
      ...base(),
      "--expiry",
      expiry(),
      "--access-token",
      "arm-token",
      "--query",
      "value",
      "-o",
      "tsv",
    ]);
    expect(run.code, output(run)).toBe(0);
    expect(apim.state.verifyUserToken(run.stdout.trim())?.keyType).toBe("primary");
    const bad = await runBin(apimCli.bin, [...base(), "--expiry", "tomorrow", "--access-token", "arm-token"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      "ERROR: argument --expiry: 'tomorrow' is not an RFC 3339 date-time such as 2025-01-31T12:00:00Z",
    );
    const wrongKeyType = await runBin(apimCli.bin, [
      ...base(),
      "--expiry",
      expiry(),
      "--access-token",
      "arm-token",
      "--key-type",
      "tertiary",
    ]);
    expect(wrongKeyType.code).toBe(2);
    expect(wrongKeyType.stderr.trim()).toBe(
      "ERROR: argument --key-type: invalid choice: 'tertiary' (choose from 'primary', 'secondary')",
    );
  });

  it("answers 401 as an auth error and redacts the token it returns under --debug", async () => {
    const denied = await runBin(apimCli.bin, [...base(), "--expiry", expiry(), "--access-token", "wrong"]);
    expect(denied.code, output(denied)).toBe(1);
    const debug = await runBin(apimCli.bin, [
      ...base(),
      "--expiry",
      expiry(),
      "--access-token",
      "arm-token",
      "--debug",
    ]);
    expect(debug.code, output(debug)).toBe(0);
    const { value } = JSON.parse(debug.stdout) as { value: string };
    expect(debug.stderr).toContain('Response body: {"value":"REDACTED"}');
    expect(debug.stderr).not.toContain(value);
    expect(debug.stderr).not.toContain("arm-token");
  });
});
