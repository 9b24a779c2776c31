/**
 * The level and the why of an SDK rule (`rules/sdk-*.ts`) for a change in something used as
 * `usage`. `input` is what user code *passes* to the package (parameters, request models,
 * options), `output` what it *gets back* (return types, response models); a type used both ways
 * takes the worse level.
 *
 * Levels speak of code written against the old package: **error** it no longer compiles (where
 * it uses the changed thing in the ordinary way), **warning** it may not, or compiles and behaves
 * differently, **info** it is unaffected. SDK levels never count toward the CI gate (`--fail-on`):
 * the gate judges the wire contract that deployed clients depend on; a compile break surfaces when
 * a user upgrades the package, and the report shows it beside the wire change it comes from.
 */
import { LEVEL_RANK } from "../profiles.ts";
import { SDK_RULES, type SdkRuleId } from "../rules/index.ts";
import type { Level, SdkRule, Usage } from "../types.ts";

const BY_ID: ReadonlyMap<SdkRuleId, SdkRule<SdkRuleId>> = new Map(SDK_RULES.map((r) => [r.id, r]));

function sdkRule(id: SdkRuleId): SdkRule<SdkRuleId> {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`internal: SDK rule ${id} is not in the table`);
  return found;
}

/** Which usage decides for `both`: the one with the worse level (input when they tie). */
const decisive = (r: SdkRule, usage: Usage): "input" | "output" =>
  usage !== "both" ? usage : LEVEL_RANK[r.level.input] <= LEVEL_RANK[r.level.output] ? "input" : "output";

/** The level of rule `id` for a change in something used as `usage`. */
export function sdkLevel(id: SdkRuleId, usage: Usage): Level {
  const r = sdkRule(id);
  return r.level[decisive(r, usage)];
}

/** The one-line why of rule `id` for `usage` (for `both`, the why of the worse side). */
export function sdkWhy(id: SdkRuleId, usage: Usage): string {
  const r = sdkRule(id);
  return typeof r.why === "string" ? r.why : r.why[decisive(r, usage)];
}
