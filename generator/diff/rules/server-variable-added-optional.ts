/** `server-variable-added-optional`: The server URL gained a variable with a default. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const serverVariableAddedOptional = defineRule({
  id: "server-variable-added-optional",
  level: "info",
  direction: "none",
  description: "The server URL gained a variable with a default.",
  why: "clients that do not set it get the default",
  taxonomy: "Row 43: not breaking.",
  check: on("server-variable-added", "none", (c) =>
    c.hasDefault ? `server variable added with default ${JSON.stringify(c.after)}` : undefined,
  ),
});
