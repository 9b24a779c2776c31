/** `request-type-changed`: The type (or format) of something the client sends changed incompatibly. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestTypeChanged = defineRule({
  id: "request-type-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1026 TypeChanged",
  direction: "request",
  description: "The type (or format) of something the client sends changed incompatibly.",
  why: "values clients send are no longer valid",
  taxonomy: "Row 24: oasdiff request-*-type-changed (ERR); Azure 1026 (Error); Optic, pb33f breaking.",
  check: on("type-changed", "request", (c) => (c.relation === "changed" ? `type ${c.detail}` : undefined)),
});
