/** `server-url-changed`: The server URL template changed. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const serverUrlChanged = defineRule({
  id: "server-url-changed",
  level: "warning",
  direction: "none",
  description: "The server URL template changed.",
  why: "usually deployment metadata, but a changed base path moves every operation",
  taxonomy: "Row 43: pb33f breaking; oasdiff none ('deployment metadata'). Warning: a reviewer decides.",
  check: on(
    "server-url-changed",
    "none",
    (c) => `server URL ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`,
  ),
});
