/**
 * Wire parity with the official SDK: `@azure/communication-identity` and the generated Identity
 * package (2023-10-01) make the same calls against a recording server on 127.0.0.1, and what
 * reaches the server is compared: method, path, query, `content-type`, `accept` and the body.
 * Headers that differ per SDK by nature (user-agent, client request id, date, signature) are not.
 *
 * One difference is by design: JSON keys are sent in the order of the generated model, whose
 * properties are sorted by name (`ObjectTypeIR.properties`: output never depends on the order of
 * keys in a document), where the official SDK follows the swagger's declaration order. So bodies
 * are compared as JSON values, and our bytes are checked to follow the model, not the caller.
 */
import { CommunicationIdentityClient } from "@azure/communication-identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as stable from "../../generated/packages/communication-identity-2023-10-01/src/index.ts";
import { RecordingServer, type RecordedRequest, type Reply } from "../packages/support/recording-server.ts";

const KEY = Buffer.alloc(32, 5).toString("base64");
const USER = "8:acs:resource_00000000-0000-0000-0000-000000000001";
const token = { token: "issued-token", expiresOn: "2030-01-01T00:00:00.000Z" };

/** What the service answers, per operation (by path). */
function reply(request: RecordedRequest): Reply {
  const json = (status: number, body: unknown): Reply => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const path = new URL(request.url, "http://x").pathname;
  if (request.method === "DELETE" || path.endsWith(":revokeAccessTokens")) return { status: 204 };
  if (path === "/identities") return json(201, { identity: { id: USER }, accessToken: token });
  return json(200, token);
}

/** The parts of a request both SDKs must agree on. */
function wire(request: RecordedRequest) {
  const url = new URL(request.url, "http://x");
  return {
    method: request.method,
    path: url.pathname,
    query: [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : 1)),
    contentType: request.headers["content-type"],
    accept: request.headers["accept"],
    body: request.body === "" ? "" : (JSON.parse(request.body) as unknown),
  };
}

let server: RecordingServer;
let official: CommunicationIdentityClient;
let ours: stable.CommunicationIdentityClient;

beforeAll(async () => {
  server = await RecordingServer.start();
  const connectionString = `endpoint=${server.origin}/;accesskey=${KEY}`;
  official = new CommunicationIdentityClient(connectionString, { allowInsecureConnection: true });
  ours = new stable.CommunicationIdentityClient(connectionString);
});
afterAll(() => server.stop());

/** The one request `call` makes. */
async function recorded(call: () => Promise<unknown>): Promise<RecordedRequest> {
  server.answer(reply);
  await call();
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

const user = { communicationUserId: USER };
const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
  ["createUser (no body)", () => official.createUser(), () => ours.createCommunicationIdentity()],
  [
    "createUserAndToken (with options)",
    () => official.createUserAndToken(["chat", "voip"], { tokenExpiresInMinutes: 60 }),
    () => ours.createCommunicationIdentity({ expiresInMinutes: 60, createTokenWithScopes: ["chat", "voip"] }),
  ],
  [
    "getToken",
    () => official.getToken(user, ["chat"], { tokenExpiresInMinutes: 90 }),
    () => ours.issueAccessToken(USER, { scopes: ["chat"], expiresInMinutes: 90 }),
  ],
  ["revokeTokens", () => official.revokeTokens(user), () => ours.revokeAccessTokens(USER)],
  ["deleteUser", () => official.deleteUser(user), () => ours.deleteCommunicationIdentity(USER)],
  [
    "getTokenForTeamsUser",
    () =>
      official.getTokenForTeamsUser({ teamsUserAadToken: "aad-token", clientId: "app-id", userObjectId: "object-id" }),
    () => ours.exchangeTeamsUserAccessToken({ userId: "object-id", appId: "app-id", token: "aad-token" }),
  ],
];

describe("the generated Identity package sends what @azure/communication-identity sends", () => {
  it.each(cases)("%s", async (_name, officialCall, ourCall) => {
    const theirs = await recorded(officialCall);
    const mine = await recorded(ourCall);
    expect(wire(mine)).toEqual(wire(theirs));
    // Not on the wire: the same headers' presence.
    expect(Object.hasOwn(mine.headers, "content-type")).toBe(Object.hasOwn(theirs.headers, "content-type"));
  });

  it("JSON bodies follow the model's key order, whatever the caller's", async () => {
    const forward = await recorded(() => ours.exchangeTeamsUserAccessToken({ appId: "a", token: "t", userId: "u" }));
    const backward = await recorded(() => ours.exchangeTeamsUserAccessToken({ userId: "u", token: "t", appId: "a" }));
    expect(backward.body).toBe(forward.body);
    expect(forward.body).toBe('{"appId":"a","token":"t","userId":"u"}');
  });
});
