/**
 * Contract check with a third-party tool: the e2e suites of every generated package run again with
 * Prism (`@stoplight/prism-cli`) proxying between the clients and the local services, one Prism per
 * emitted OpenAPI document. Every request the generated clients send is validated by Prism against
 * the document; the only request violations allowed are the ones the suites send on purpose (and
 * Prism must report each of those). Responses are validated too: the local services must answer
 * as the documents say.
 *
 * Fault-timing tests (abort, timeout) stay in the direct runs: a stalled request has no response
 * to carry Prism's verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiPath } from "../support/paths.ts";
import { apimStyles, previewStyles, stableStyles } from "./support/apis.ts";
import { prismContract, type CheckedRequest } from "./support/prism.ts";
import { defineApiManagementSuite } from "./suites/api-management.ts";
import { defineIdentityPreviewSuite } from "./suites/identity-preview.ts";
import { defineIdentityStableSuite } from "./suites/identity-stable.ts";
import { definePreviewAccessSuite } from "./suites/preview-access.ts";

const contracts = {
  preview: prismContract(
    "communication-identity 2025-03-02-preview",
    openApiPath("communication-identity", "2025-03-02-preview"),
  ),
  stable: prismContract("communication-identity 2023-10-01", openApiPath("communication-identity", "2023-10-01")),
  apim: prismContract("api-management 2022-08-01", openApiPath("api-management", "2022-08-01")),
};

// Prism takes about a second to start; the three start side by side, once.
beforeAll(() => Promise.all(Object.values(contracts).map((contract) => contract.start())), 60_000);
afterAll(() => Promise.all(Object.values(contracts).map((contract) => contract.stop())));

for (const style of previewStyles) {
  defineIdentityPreviewSuite(style, contracts.preview.env);
  definePreviewAccessSuite(style, contracts.preview.env);
}
for (const style of stableStyles) defineIdentityStableSuite(style, contracts.stable.env);
for (const style of apimStyles) defineApiManagementSuite(style, contracts.apim.env);

const describeRequest = (checked: CheckedRequest) =>
  `${checked.method} ${checked.url} -> ${checked.status}: ${[...checked.request, ...checked.response].map((v) => `${v.location.join(".")} ${v.message}`).join("; ")}`;

describe("Prism's verdict", () => {
  afterAll(() => {
    for (const [name, contract] of Object.entries(contracts)) {
      const count = (pick: (checked: CheckedRequest) => number) =>
        contract.checked.reduce((sum, checked) => sum + pick(checked), 0);
      console.log(
        `prism ${name}: ${contract.checked.length} requests checked; request violations: ${count((c) => c.request.length)} ` +
          `(${count((c) => c.expected.length)} requests invalid on purpose), unexpected: ${count((c) => c.unexpected.length)}, ` +
          `response violations: ${count((c) => c.response.length)}`,
      );
    }
  });

  for (const [name, contract] of Object.entries(contracts)) {
    describe(name, () => {
      it("checked the suites' requests", () => {
        expect(contract.checked.length, contract.log()).toBeGreaterThan(name === "apim" ? 10 : 40);
      });

      it("found no request violations except the ones sent on purpose", () => {
        const unexpected = contract.checked.filter((checked) => checked.unexpected.length > 0);
        expect(unexpected.map(describeRequest)).toEqual([]);
      });

      it("reported every violation the suites sent on purpose", () => {
        expect(contract.pendingExpectations).toEqual([]);
        expect(contract.checked.some((checked) => checked.expected.length > 0)).toBe(true);
      });

      it("found no response violations", () => {
        expect(contract.checked.filter((checked) => checked.response.length > 0).map(describeRequest)).toEqual([]);
      });
    });
  }
});
