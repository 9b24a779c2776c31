/** The binder: references become one import declaration per module, aliased where names clash. */
import { describe, expect, it } from "vitest";
import { ImportBinder, moduleSpecifier } from "../../generator/emit/shared/import-binder.ts";

describe("moduleSpecifier", () => {
  it.each([
    ["src/api/widgets.ts", "src/models.ts", "../models.js"],
    ["src/api/widgets.ts", "src/runtime/send-request.ts", "../runtime/send-request.js"],
    ["src/context.ts", "src/runtime/paging.ts", "./runtime/paging.js"],
    ["src/index.ts", "src/api/widgets.ts", "./api/widgets.js"],
    ["src/api/a.ts", "src/api/b.ts", "./b.js"],
  ])("from %s to %s is %s", (from, to, specifier) => {
    expect(moduleSpecifier(from, to)).toBe(specifier);
  });
});

describe("ImportBinder", () => {
  it("merges references per module, sorts them, and uses `import type` when nothing is a value", () => {
    const binder = new ImportBinder("src/api/widgets.ts");
    expect(binder.value("src/runtime/send-request.ts", "sendRequest")).toBe("sendRequest");
    expect(binder.type("src/runtime/send-request.ts", "RequestOptions")).toBe("RequestOptions");
    expect(binder.type("src/models.ts", "Widget")).toBe("Widget");
    expect(binder.type("src/models.ts", "Widget")).toBe("Widget");
    const imports = binder.imports();
    expect(imports.map((i) => [i.moduleSpecifier, i.isTypeOnly])).toEqual([
      ["../models.js", true],
      ["../runtime/send-request.js", false],
    ]);
  });

  it("aliases a declaration that would shadow the file's own names or a global the code uses", () => {
    const binder = new ImportBinder("src/api/widgets.ts", ["sendRequest"]);
    expect(binder.value("src/runtime/send-request.ts", "sendRequest")).toBe("sendRequest2");
    expect(binder.type("src/models.ts", "Promise")).toBe("Promise2");
    expect(binder.type("src/models.ts", "Json")).toBe("Json");
  });

  it("does not import from the file itself", () => {
    const binder = new ImportBinder("src/models.ts");
    expect(binder.type("src/models.ts", "Widget")).toBe("Widget");
    expect(binder.imports()).toEqual([]);
  });
});
