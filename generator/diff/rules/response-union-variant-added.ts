/** `response-union-variant-added`: A oneOf/anyOf the client receives has a new variant. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseUnionVariantAdded = defineRule({
  id: "response-union-variant-added",
  level: "warning",
  azureLevel: "warning",
  azureCode: "1032 DifferentAllOf",
  direction: "response",
  description: "A oneOf/anyOf the client receives has a new variant.",
  why: "clients that handle each variant may not handle the new one",
  taxonomy:
    "Row 44: Optic 'prevent narrowing in response union types' (the converse); treated like a closed-enum addition (warning).",
  peer: "api-smart-diff: breaking. Warning, like a value added to a closed enum: only clients that handle variants exhaustively break.",
  check: on("union-variant-added", "response", (c) => `union variant ${c.variant} added`),
});
