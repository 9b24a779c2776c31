/** `discriminator-changed`: The discriminator property of a union was added, removed or renamed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const discriminatorChanged = defineRule({
  id: "discriminator-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1030 DifferentDiscriminator",
  direction: "any",
  description: "The discriminator property of a union was added, removed or renamed.",
  why: "both sides pick the variant by a property the other no longer uses",
  taxonomy: "Row 44: Azure 1030 (Error); pb33f breaking.",
  check: on(
    "discriminator-changed",
    "any",
    (c) => `discriminator ${JSON.stringify(c.before ?? null)} -> ${JSON.stringify(c.after ?? null)}`,
  ),
});
