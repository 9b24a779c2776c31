/** `response-media-type-changed`: The media type of a response body changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const responseMediaTypeChanged = defineRule({
  id: "response-media-type-changed",
  level: "error",
  azureLevel: "info",
  azureCode: "1004 ResponseBodyFormatNowSupported",
  direction: "response",
  description: "The media type of a response body changed.",
  why: "clients parse the body in a format the server no longer sends",
  taxonomy: "Row 16: oasdiff response-media-type-removed (ERR); Azure maps 1004 to Info.",
  check: on("media-type-changed", "response", (c) => `media type ${String(c.before)} -> ${String(c.after)}`),
});
