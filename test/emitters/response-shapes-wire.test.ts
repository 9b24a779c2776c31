/**
 * `test/fixtures/openapi/response-shapes.yaml` on the wire (issue 11, item 8): a 2xx body whose
 * shape is not the spec's is a `ResponseParseError` naming the property path and what was expected
 * there, never a `TypeError` (`.map is not a function`) nor a silent `1970-...` or `Invalid Date`.
 * The message quotes no value of the body: the secret in each hostile body reaches no channel.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";
import { startLocalServer, type LocalServer } from "./local-server.ts";

const fixture = "test/fixtures/openapi/response-shapes.yaml";
const built = buildPackage({ file: join(repoRoot, fixture), source: fixture });
const SECRET = "sk-live-SHAPE-SECRET-0123456789";

let compiled: CompiledPackages;
let server: LocalServer | undefined;
let origin = "";
/** The body the server answers with; set by each test. */
let body = "";

beforeAll(async () => {
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ calendar: library }, "response-shapes");
  server = await startLocalServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
  origin = server.origin;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

type Call = () => Promise<unknown>;
async function call(operation: string, answer: unknown): Promise<unknown> {
  body = typeof answer === "string" ? answer : JSON.stringify(answer);
  const module = (await import(pathToFileURL(join(compiled.root, "dist/calendar/src/index.js")).href)) as Record<
    string,
    unknown
  >;
  const Client = module["CalendarClient"] as new (options: object) => Record<string, Call>;
  const client = new Client({ endpoint: origin, retry: { maxRetries: 0 } });
  return client[operation]!.call(client);
}

/** The error `operation` throws for `answer`, checked to show no secret anywhere. */
async function failure(operation: string, answer: unknown): Promise<Error> {
  const error = await call(operation, answer).then(
    () => new Error("expected a ResponseParseError"),
    (thrown: unknown) => thrown as Error,
  );
  expect(error.name).toBe("ResponseParseError");
  for (const text of [
    error.message,
    String(error),
    inspect(error, { depth: 5 }),
    JSON.stringify(error),
    error.stack ?? "",
  ]) {
    expect(text).not.toContain(SECRET);
  }
  return error;
}

const event = (overrides: Record<string, unknown> = {}) => ({
  id: "e1",
  createdAt: "2024-05-01T10:00:00Z",
  cancelledAt: null,
  ...overrides,
});
const problem = (error: Error): string =>
  error.message.replace(/^Expected a JSON body in the 200 response, but it /, "").replace(/: .*$/s, "");

it("type-checks strictly", () => {
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(compiled.diagnostics).toBe("");
});

describe("an array where the spec declares one", () => {
  it.each([
    ["an object", { value: [event()], token: SECRET }],
    ["a string", SECRET],
    ["null", null],
  ])("%s as the body is a ResponseParseError, not a TypeError", async (_what, answer) => {
    expect(problem(await failure("listEvents", typeof answer === "string" ? JSON.stringify(answer) : answer))).toBe(
      "is not an array",
    );
  });

  it("names a nested array by its path", async () => {
    const error = await failure("getCalendar", { events: { token: SECRET } });
    expect(problem(error)).toBe("has events that is not an array");
  });

  it("names an array inside an array, with both indexes", async () => {
    const answer = [event(), event({ reminders: [["2024-05-01T09:00:00Z"], "2024-05-01T09:30:00Z", SECRET] })];
    expect(problem(await failure("listEvents", answer))).toBe("has [1].reminders[1] that is not an array");
  });

  it("names an element that is not an object", async () => {
    expect(problem(await failure("getCalendar", { events: [event(), SECRET] }))).toBe(
      "has events[1] that is not an object",
    );
  });
});

describe("dates", () => {
  it.each([
    ["null where the date is not nullable", null],
    ["garbage", `not a date ${SECRET}`],
    ["a number", 1714557600000],
    ["a date-less number string", "1714557600"],
    ["absent (a required date)", undefined],
  ])("%s is a ResponseParseError naming the property", async (_what, createdAt) => {
    const error = await failure("listEvents", [event(), event(), event(), event({ createdAt })]);
    expect(problem(error)).toBe("has [3].createdAt that is not a date-time string");
  });

  it("in an object's property, deep inside", async () => {
    const error = await failure("getCalendar", { events: [event({ reminders: [[], ["2024-05-01T09:00:00Z", 0]] })] });
    expect(problem(error)).toBe("has events[0].reminders[1][1] that is not a date-time string");
  });

  it("as a map's values, without quoting the key (the service's data)", async () => {
    const error = await failure("getCalendar", {
      events: [],
      lastBooked: { lobby: "2024-05-01T09:00:00Z", [SECRET]: "yesterday" },
    });
    expect(problem(error)).toBe("has lastBooked[*] that is not a date-time string");
  });

  it("keeps null where the spec allows it, and converts valid ones", async () => {
    const answer = [
      event(),
      event({ cancelledAt: "2024-05-02T08:00:00.123+02:00", reminders: [["2024-05-01T09:00:00Z"]] }),
    ];
    const events = (await call("listEvents", answer)) as {
      createdAt: Date;
      cancelledAt: Date | null;
      reminders?: Date[][];
    }[];
    expect(events[0]?.cancelledAt).toBeNull();
    expect(events[0]?.createdAt.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(events[1]?.cancelledAt?.toISOString()).toBe("2024-05-02T06:00:00.123Z");
    expect(events[1]?.reminders?.[0]?.[0]).toBeInstanceOf(Date);
    const calendar = (await call("getCalendar", { events: [], lastBooked: { lobby: "2024-05-01T09:00:00Z" } })) as {
      lastBooked: Record<string, Date>;
    };
    expect(calendar.lastBooked["lobby"]?.toISOString()).toBe("2024-05-01T09:00:00.000Z");
  });
});

it("an object where the spec declares one: named by its path (the body itself: by its required properties)", async () => {
  expect(problem(await failure("getLatestEvent", [event()]))).toBe('lacks the required property "cancelledAt"');
  expect(problem(await failure("getCalendar", { events: [], lastBooked: [SECRET] }))).toBe(
    "has lastBooked that is not an object",
  );
});
