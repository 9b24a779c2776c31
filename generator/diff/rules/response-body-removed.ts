/** `response-body-removed`: A response that had a body no longer has one. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseBodyRemoved = defineRule({
  id: "response-body-removed",
  level: "error",
  direction: "response",
  description: "A response that had a body no longer has one.",
  why: "clients reading the body get nothing",
  taxonomy: "Not a row: the analogue of a removed required response property (row 19).",
  check: on("response-body-removed", "response", (c) => "response body removed"),
});
