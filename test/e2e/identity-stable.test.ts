/**
 * Every operation of the generated communication-identity 2023-10-01 package against the local
 * Identity service, through the client class and through the operation functions.
 */
import { describe, expect, it } from "vitest";
import {
  operationsCalled,
  operationsOf,
  recordingStyle,
  StableOperationsClient,
  stableStyles,
} from "./support/apis.ts";
import { direct } from "./support/env.ts";
import { defineIdentityStableSuite } from "./suites/identity-stable.ts";

for (const style of stableStyles) defineIdentityStableSuite(recordingStyle(style), direct);

describe("coverage", () => {
  it.each(stableStyles)("the suite called every operation through the $name", (style) => {
    expect([...operationsCalled(style)].sort()).toEqual(operationsOf(StableOperationsClient));
  });
});
