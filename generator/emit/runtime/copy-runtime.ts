/**
 * `src/runtime/*.ts`: the runtime every package embeds, copied as text from `generator/runtime/`
 * (the one source of truth): the modules the plan chose (`PackagePlan.runtimeModules`). Relative
 * `./x.ts` specifiers become `./x.js` so the package compiles under NodeNext.
 */
import type { OutputFile } from "../../output/write-tree.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { runtimeImport, runtimeSource } from "../../plan/runtime-modules.ts";

export function copyRuntime(plan: PackagePlan): OutputFile[] {
  return plan.runtimeModules.map((name) => ({
    path: modules.runtime(name),
    content: `${plan.pkg.header}\n${runtimeSource(name).replace(runtimeImport, "$1$2./$3.js$2")}`,
  }));
}
