/** `request-union-variant-added`: A oneOf/anyOf the client sends accepts a new variant. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestUnionVariantAdded = defineRule({
  id: "request-union-variant-added",
  level: "info",
  azureLevel: "warning",
  azureCode: "1032 DifferentAllOf",
  direction: "request",
  description: "A oneOf/anyOf the client sends accepts a new variant.",
  why: "what clients sent before is still valid",
  taxonomy:
    "Row 44: widening a request union is not breaking (Optic flags only narrowing of request unions in effect); Azure 1032 (Warning).",
  check: on("union-variant-added", "request", (c) => `union variant ${c.variant} added`),
});
