/** `response-type-changed`: The type (or format) of something the client receives changed incompatibly. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseTypeChanged = defineRule({
  id: "response-type-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1026 TypeChanged",
  direction: "response",
  description: "The type (or format) of something the client receives changed incompatibly.",
  why: "clients parse values of the old type",
  taxonomy: "Row 24: oasdiff response-*-type-changed (ERR); Azure 1026 (Error); Optic, pb33f breaking.",
  check: on("type-changed", "response", (c) => (c.relation === "changed" ? `type ${c.detail}` : undefined)),
});
