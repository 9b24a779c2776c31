/**
 * Communication Identity 2025-03-02-preview, end to end: the token exchanges (Teams user, Teams
 * extension, Entra ID), Teams Phone and Entra access assignments (create 201 vs replace 200, merge
 * patch bulk update), and `nextLink` paging across several pages, with each operation's documented
 * errors.
 */
import { describe, expect, it } from "vitest";
import { preview, type ApiStyle, type IdentityAuth, type PreviewApi } from "../support/apis.ts";
import { expectHttpError } from "../support/assertions.ts";
import type { E2eEnv } from "../support/env.ts";
import { PRINCIPALS, useIdentityFixture, type IdentityClientOptions } from "./identity-fixture.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Collects the status of the final response of a call. */
function statusProbe(): {
  readonly options: { onResponse(response: { status: number }): void };
  status(): number | undefined;
} {
  let status: number | undefined;
  return { options: { onResponse: (response) => void (status = response.status) }, status: () => status };
}

export function definePreviewAccessSuite(
  style: ApiStyle<IdentityAuth, IdentityClientOptions, PreviewApi>,
  env: E2eEnv,
): void {
  describe(`communication-identity 2025-03-02-preview access: ${style.name}, ${env.name}`, () => {
    const fx = useIdentityFixture(style, env);
    const requests = () => fx.service.requests;

    describe("Teams user token exchange", () => {
      const { token, principal } = PRINCIPALS.teamsUser;

      it("exchanges a Teams user's Entra token for an ACS token that expires with it", async () => {
        const exchanged = await fx.api.exchangeTeamsUserAccessToken({
          token,
          appId: principal.clientId,
          userId: principal.objectId,
        });
        expect(exchanged.expiresOn).toBeInstanceOf(Date);
        expect(exchanged.expiresOn.getTime()).toBeLessThanOrEqual(fx.bearerExpiry);
        expect(exchanged.expiresOn.getTime()).toBeGreaterThan(fx.bearerExpiry - 2_000);
        expect(fx.service.state.inspectToken(exchanged.token)).toMatchObject({
          status: "valid",
          claims: { sub: `8:orgid:${principal.objectId}` },
        });
      });

      it.each([
        ["a missing appId", 400, "ValidationError", "appId", { appId: "" }],
        ["a userId that is not the token's", 400, "ValidationError", "userId", { userId: "someone-else" }],
        ["a token the service does not know", 401, "InvalidAccessToken", "token", { token: "forged" }],
      ] as const)("%s -> %s %s", async (_name, status, code, target, change) => {
        const body = { token, appId: principal.clientId, userId: principal.objectId, ...change };
        await expectHttpError(
          fx.api.exchangeTeamsUserAccessToken(body),
          preview.HttpError,
          { status, code, target },
          requests(),
        );
      });
    });

    describe("Teams Phone extension", () => {
      const { token, principal } = PRINCIPALS.teamsPhone;

      it("creates (201), replaces (200), gets and deletes an assignment", async () => {
        const probe = statusProbe();
        const created = await fx.api.upsertTeamsExtensionAssignment(
          principal.tenantId,
          "resource-account-1",
          { principalType: "resourceAccount" },
          probe.options,
        );
        expect(probe.status()).toBe(201);
        expect(created).toEqual({
          tenantId: principal.tenantId,
          objectId: "resource-account-1",
          principalType: "resourceAccount",
        });
        const replaced = await fx.api.upsertTeamsExtensionAssignment(
          principal.tenantId,
          "resource-account-1",
          { principalType: "user", clientIds: ["a", "b"] },
          probe.options,
        );
        expect(probe.status()).toBe(200);
        expect(replaced.clientIds).toEqual(["a", "b"]);
        expect(await fx.api.getTeamsExtensionAssignment(principal.tenantId, "resource-account-1")).toEqual(replaced);
        await fx.api.deleteTeamsExtensionAssignment(principal.tenantId, "resource-account-1");
        const notFound = { status: 404, code: "AssignmentNotFound" };
        await expectHttpError(
          fx.api.getTeamsExtensionAssignment(principal.tenantId, "resource-account-1"),
          preview.HttpError,
          notFound,
          requests(),
        );
        await expectHttpError(
          fx.api.deleteTeamsExtensionAssignment(principal.tenantId, "resource-account-1"),
          preview.HttpError,
          notFound,
          requests(),
        );
      });

      it("an assignment without principalType is a 400 naming it", async () => {
        await expectHttpError(
          fx.api.upsertTeamsExtensionAssignment(principal.tenantId, "x", { principalType: "" }),
          preview.HttpError,
          { status: 400, code: "ValidationError", target: "principalType" },
          requests(),
        );
      });

      it("exchanges the call's bearer token once assigned: the same principal keeps its identity", async () => {
        const { api } = fx.bearer(token);
        await expectHttpError(
          api.exchangeTeamsExtensionToken({}),
          preview.HttpError,
          { status: 403, code: "Forbidden" },
          requests(),
        );
        await fx.api.upsertTeamsExtensionAssignment(principal.tenantId, principal.objectId, {
          principalType: "user",
          clientIds: [principal.clientId],
        });
        const first = await api.exchangeTeamsExtensionToken({});
        const second = await api.exchangeTeamsExtensionToken({});
        expect(first.identity.id).toMatch(/^8:acs:/);
        expect(second.identity.id).toBe(first.identity.id);
        expect(first.accessToken?.expiresOn).toBeInstanceOf(Date);
        expect(first.accessToken?.expiresOn.getTime()).toBeLessThanOrEqual(Math.min(fx.bearerExpiry, Date.now() + DAY));
        expect(fx.service.state.isTokenValid(first.accessToken?.token ?? "")).toBe(true);
      });

      it("an HMAC-signed exchange is a 401: there is no bearer token to exchange", async () => {
        await expectHttpError(
          fx.api.exchangeTeamsExtensionToken({}),
          preview.HttpError,
          { status: 401, code: "BearerTokenRequired" },
          requests(),
        );
      });
    });

    describe("Entra ID access", () => {
      const { token, principal } = PRINCIPALS.entraUser;
      const assignment = (clientIds: string[]) => ({ tenantId: principal.tenantId, principalType: "group", clientIds });

      it("creates (201), replaces (200), gets and deletes an assignment", async () => {
        const probe = statusProbe();
        const created = await fx.api.upsertEntraIdAssignment("group-x", assignment(["a"]), probe.options);
        expect(probe.status()).toBe(201);
        expect(created).toEqual({ objectId: "group-x", ...assignment(["a"]) });
        await fx.api.upsertEntraIdAssignment("group-x", assignment(["a", "b"]), probe.options);
        expect(probe.status()).toBe(200);
        expect(await fx.api.getEntraIdAssignment("group-x")).toEqual({
          objectId: "group-x",
          ...assignment(["a", "b"]),
        });
        await fx.api.deleteEntraIdAssignment("group-x");
        expect(fx.service.state.entraAssignments().some((a) => a.objectId === "group-x")).toBe(false);
        const notFound = { status: 404, code: "AssignmentNotFound" };
        await expectHttpError(fx.api.getEntraIdAssignment("group-x"), preview.HttpError, notFound, requests());
        await expectHttpError(fx.api.deleteEntraIdAssignment("group-x"), preview.HttpError, notFound, requests());
      });

      it("an assignment without tenantId is a 400 naming it", async () => {
        await expectHttpError(
          fx.api.upsertEntraIdAssignment("y", { tenantId: "", principalType: "user", clientIds: [] }),
          preview.HttpError,
          { status: 400, code: "ValidationError", target: "tenantId" },
          requests(),
        );
      });

      it("updates in bulk by merge patch: adds, replaces and removes at once", async () => {
        await fx.api.upsertEntraIdAssignment("bulk-keep", assignment(["a"]));
        await fx.api.upsertEntraIdAssignment("bulk-drop", assignment(["a"]));
        const page = await fx.api.updateEntraIdAssignments({
          "bulk-keep": assignment(["a", "c"]),
          "bulk-drop": null,
          "bulk-new": assignment(["n"]),
        });
        const sent = requests().at(-1);
        expect(sent?.headers["content-type"]).toBe("application/merge-patch+json");
        expect(sent?.status).toBe(200);
        expect(page?.value.length).toBeGreaterThan(0);
        const stored = new Map(fx.service.state.entraAssignments().map((a) => [a.objectId, a.clientIds]));
        expect([stored.get("bulk-keep"), stored.has("bulk-drop"), stored.get("bulk-new")]).toEqual([
          ["a", "c"],
          false,
          ["n"],
        ]);
        const minimal = await fx.api.updateEntraIdAssignments(
          { "bulk-new": null },
          { headers: { prefer: "return=minimal" } },
        );
        expect(minimal).toBeUndefined();
        expect(requests().at(-1)?.status).toBe(204);
      });

      it("a bulk update with an invalid entry changes nothing and names the field", async () => {
        const before = fx.service.state.entraAssignments();
        await expectHttpError(
          fx.api.updateEntraIdAssignments({
            "bulk-ok": assignment(["a"]),
            "bulk-bad": { tenantId: "", principalType: "user", clientIds: [] },
          }),
          preview.HttpError,
          { status: 400, code: "ValidationError", target: "bulk-bad.tenantId" },
          requests(),
        );
        expect(fx.service.state.entraAssignments()).toEqual(before);
      });

      it("a bulk update value that is neither an assignment nor null is a 400 naming its key", async () => {
        env.expectViolation("body.bulk-number");
        const patch = { "bulk-number": 5 } as unknown as Parameters<PreviewApi["updateEntraIdAssignments"]>[0];
        await expectHttpError(
          fx.api.updateEntraIdAssignments(patch),
          preview.HttpError,
          { status: 400, code: "ValidationError", target: "bulk-number" },
          requests(),
        );
      });

      it("lists across at least three pages, by item and byPage(), following nextLink", async () => {
        await fx.api.updateEntraIdAssignments(
          Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`page-item-${i}`, assignment([`client-${i}`])])),
        );
        const expected = fx.service.state.entraAssignments();
        const pageSize = fx.service.state.pageSize;
        expect(expected.length).toBeGreaterThanOrEqual(7);
        const listed = requests().length;
        const items = [];
        for await (const item of fx.api.listEntraIdAssignments()) items.push(item);
        expect(items).toEqual(expected);
        const lists = requests().slice(listed);
        expect(lists).toHaveLength(Math.ceil(expected.length / pageSize));
        expect(lists.length).toBeGreaterThanOrEqual(3);
        expect(
          lists.slice(1).every((sent) => sent.query["continuationToken"] !== undefined && sent.auth === "hmac"),
        ).toBe(true);

        const pages = [];
        for await (const page of fx.api.listEntraIdAssignments().byPage()) pages.push(page);
        expect(pages.map((page) => page.value.length)).toEqual(
          lists.map((_, i) => Math.min(pageSize, expected.length - i * pageSize)),
        );
        expect(pages.flatMap((page) => page.value)).toEqual(expected);
        expect(
          pages.slice(0, -1).every((page) => page.nextLink?.startsWith(`${fx.endpoint}/access/entra/assignments?`)),
        ).toBe(true);
        expect(pages.at(-1)?.nextLink).toBeUndefined();
      });

      it("listing with api-version 2023-10-01 is a 404 (the operation was added in the preview)", async () => {
        const api = fx.client(
          { kind: "connection string", connectionString: fx.connectionString },
          { apiVersion: "2023-10-01" },
        );
        const iterator = api.listEntraIdAssignments();
        await expectHttpError(iterator.next(), preview.HttpError, { status: 404, code: "NotFound" }, requests());
      });

      it("exchanges the call's bearer token once a group of the principal is assigned", async () => {
        const { api } = fx.bearer(token);
        await expectHttpError(
          api.exchangeEntraIdToken({}),
          preview.HttpError,
          { status: 403, code: "Forbidden" },
          requests(),
        );
        await fx.api.upsertEntraIdAssignment("group-1", assignment([principal.clientId]));
        const first = await api.exchangeEntraIdToken({});
        const second = await api.exchangeEntraIdToken({});
        expect(second.identity.id).toBe(first.identity.id);
        expect(first.accessToken?.expiresOn).toBeInstanceOf(Date);
        expect(fx.service.state.inspectToken(first.accessToken?.token ?? "")).toMatchObject({
          status: "valid",
          claims: { sub: first.identity.id },
        });
        const { api: stranger } = fx.bearer(PRINCIPALS.stranger.token);
        await expectHttpError(
          stranger.exchangeEntraIdToken({}),
          preview.HttpError,
          { status: 403, code: "Forbidden" },
          requests(),
        );
      });
    });
  });
}
