/** `request-union-variant-removed`: A oneOf/anyOf the client sends no longer accepts a variant. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestUnionVariantRemoved = defineRule({
  id: "request-union-variant-removed",
  level: "error",
  azureLevel: "warning",
  azureCode: "1032 DifferentAllOf",
  direction: "request",
  description: "A oneOf/anyOf the client sends no longer accepts a variant.",
  why: "clients sending that variant are rejected",
  taxonomy: "Row 44: oasdiff request-*-one-of-removed (ERR); pb33f breaking; Azure 1032 (Warning).",
  check: on("union-variant-removed", "request", (c) => `union variant ${c.variant} removed`),
});
