/** `request-media-type-changed`: The media type a client sends the body as changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const requestMediaTypeChanged = defineRule({
  id: "request-media-type-changed",
  level: "error",
  azureLevel: "error",
  azureCode: "1003 RequestBodyFormatNoLongerSupported",
  direction: "request",
  description: "The media type a client sends the body as changed.",
  why: "clients send a content type the server may no longer accept",
  taxonomy:
    "Row 16: oasdiff request-body-media-type-removed (ERR); Azure 1003 (Error). The IR keeps the one media type a client uses, so an added alternative is not seen, only a change of the one used.",
  check: on("media-type-changed", "request", (c) => `media type ${String(c.before)} -> ${String(c.after)}`),
});
