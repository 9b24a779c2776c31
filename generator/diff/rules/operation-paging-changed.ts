/** `operation-paging-changed`: An operation gained or lost paging (`x-ms-pageable`, `x-pagination` or a detected convention: next link, `Link` header, cursor, last item, offset). */
import { defineRule } from "./define.ts";
import { on } from "./match.ts";

export const operationPagingChanged = defineRule({
  id: "operation-paging-changed",
  level: "warning",
  direction: "none",
  description:
    "An operation gained or lost paging (`x-ms-pageable`, `x-pagination` or a detected convention: next link, `Link` header, cursor, last item, offset).",
  why: "the wire is unchanged but generated clients switch between a paged iterator and a single response",
  taxonomy:
    "Row 5 analogue (Azure 1044 for long-running); the IR has paging, not long-running behaviour, so row 5 itself is not detected.",
  check: on("paging-changed", "none", (c) =>
    c.paged ? "operation became pageable" : "operation is no longer pageable",
  ),
});
