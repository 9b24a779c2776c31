/**
 * Preloaded with `node --import` by tests that check what a command loads: records the URL of every
 * module the process loads (ES modules and `require`d ones alike) and writes them, one per line, to
 * the file `$SPECSMITH_LOADED_MODULES` names when the process exits.
 */
import { writeFileSync } from "node:fs";
import { registerHooks } from "node:module";

const loaded: string[] = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on("exit", () => {
  const file = process.env["SPECSMITH_LOADED_MODULES"];
  if (file) writeFileSync(file, `${loaded.join("\n")}\n`);
});
