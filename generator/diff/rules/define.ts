/**
 * How a rule file declares its rule. Both helpers return their argument unchanged; they exist so
 * the id keeps its literal type, which makes the table in `index.ts` the source of `RuleId` and
 * `SdkRuleId` (a misspelt id anywhere is a compile error).
 */
import type { Rule, SdkRule } from "../types.ts";

/** A wire rule: judges one kind of change of the API contract (`Change`) in one direction. */
export const defineRule = <const Id extends string>(rule: Rule<Id>): Rule<Id> => rule;

/** A TypeScript-API rule: judges one kind of change of the generated package's exports. */
export const defineSdkRule = <const Id extends `sdk-${string}`>(rule: SdkRule<Id>): SdkRule<Id> => rule;
