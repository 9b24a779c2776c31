/**
 * The generated api-management 2022-08-01 package against the local API Management service,
 * through the client class and through the operation function.
 */
import { describe, expect, it } from "vitest";
import { apim, apimStyles, operationsCalled, operationsOf, recordingStyle } from "./support/apis.ts";
import { direct } from "./support/env.ts";
import { defineApiManagementSuite } from "./suites/api-management.ts";

for (const style of apimStyles) defineApiManagementSuite(recordingStyle(style), direct);

describe("coverage", () => {
  it.each(apimStyles)("the suite called every operation through the $name", (style) => {
    expect([...operationsCalled(style)].sort()).toEqual(operationsOf(apim.ApiManagementClient));
  });
});
