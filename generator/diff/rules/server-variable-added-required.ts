/** `server-variable-added-required`: The server URL gained a variable without a default. */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const serverVariableAddedRequired = defineRule({
  id: "server-variable-added-required",
  level: "error",
  direction: "none",
  description: "The server URL gained a variable without a default.",
  why: "clients must now supply a value they never configured",
  taxonomy: "Row 43: a new required client setting.",
  check: on("server-variable-added", "none", (c) =>
    c.hasDefault ? undefined : "server variable without a default added",
  ),
});
