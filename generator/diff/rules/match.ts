/** Builds a rule's `check`: claim changes of one kind (and direction), say what changed. */
import type { Change, ChangeKind, ChangeOf, Direction } from "../types.ts";

export function on<K extends ChangeKind>(
  kind: K,
  direction: Direction | "any",
  describe: (change: ChangeOf<K>) => string | undefined,
): (change: Change) => string | undefined {
  return (change) =>
    change.kind === kind && (direction === "any" || change.direction === direction)
      ? describe(change as ChangeOf<K>)
      : undefined;
}

/** `["a", "b"]` -> `"a", "b"` for messages. */
export const listValues = (values: readonly (string | number)[]): string =>
  values.map((v) => JSON.stringify(v)).join(", ");
