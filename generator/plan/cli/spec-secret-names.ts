/**
 * The names a spec declares secret, for the CLI's `--debug` log (`Program.secretNames`): properties
 * marked `x-ms-secret: true` or `format: password` anywhere in a request or response, and
 * parameters whose schema is `format: password`. Only those the redaction rule
 * (`runtime/redact-secrets.ts`) does not already hide by their look (`adminLogin`, not `password`).
 */
import { compareStrings } from "../../ir/naming.ts";
import { childTypes } from "../../ir/type-children.ts";
import type { ApiIR, TypeIR } from "../../ir/types.ts";
import { isSecretName } from "../../runtime/redact-secrets.ts";

export function specSecretNames(api: ApiIR): string[] {
  const names = new Set<string>();
  // Named types are visited once each from `api.types`, so `ref`s are not followed (no cycles). A
  // work list, not recursion: nesting of any depth is walked.
  const visit = (root: TypeIR | undefined): void => {
    const work = root === undefined ? [] : [root];
    for (let type = work.pop(); type; type = work.pop()) {
      if (type.kind === "object") for (const property of type.properties) if (property.secret) names.add(property.name);
      work.push(...childTypes(type));
    }
  };
  for (const named of api.types) visit(named.type);
  for (const op of api.operations) {
    for (const parameter of op.parameters) {
      if (parameter.type.kind === "string" && parameter.type.format === "password") names.add(parameter.name);
      visit(parameter.type);
    }
    visit(op.body?.type);
    for (const response of [...op.responses, ...op.errors]) visit(response.type);
  }
  return [...names].filter((name) => !isSecretName(name)).sort(compareStrings);
}
