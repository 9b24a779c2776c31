/**
 * Every operation of the generated communication-identity 2025-03-02-preview package against the
 * local Identity service, through the client class and through the operation functions.
 */
import { describe, expect, it } from "vitest";
import {
  operationsCalled,
  operationsOf,
  PreviewOperationsClient,
  previewStyles,
  recordingStyle,
} from "./support/apis.ts";
import { direct } from "./support/env.ts";
import { defineIdentityPreviewSuite } from "./suites/identity-preview.ts";
import { definePreviewAccessSuite } from "./suites/preview-access.ts";

for (const style of previewStyles) {
  const recorded = recordingStyle(style);
  defineIdentityPreviewSuite(recorded, direct);
  definePreviewAccessSuite(recorded, direct);
}

describe("coverage", () => {
  it.each(previewStyles)("the suites called every operation through the $name", (style) => {
    expect([...operationsCalled(style)].sort()).toEqual(operationsOf(PreviewOperationsClient));
  });
});
