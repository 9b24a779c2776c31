/** `response-union-variant-removed`: A oneOf/anyOf the client receives lost a variant. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseUnionVariantRemoved = defineRule({
  id: "response-union-variant-removed",
  level: "info",
  azureLevel: "warning",
  azureCode: "1032 DifferentAllOf",
  direction: "response",
  description: "A oneOf/anyOf the client receives lost a variant.",
  why: "clients simply stop receiving a shape they already handle",
  taxonomy: "Row 44: not breaking in responses; pb33f flags it (we follow direction).",
  check: on("union-variant-removed", "response", (c) => `union variant ${c.variant} removed`),
});
