/** `response-body-added`: A response that had no body now has one. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseBodyAdded = defineRule({
  id: "response-body-added",
  level: "info",
  direction: "response",
  description: "A response that had no body now has one.",
  why: "clients that ignored the empty body keep working",
  taxonomy: "Not a row: the analogue of an added response property (row 17).",
  check: on("response-body-added", "response", (c) => "response body added"),
});
