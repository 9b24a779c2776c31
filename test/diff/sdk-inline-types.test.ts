/**
 * Inline object types in the generated API (an inline request body is `body: { ... }`): related
 * member by member, and a change named by the paths that differ rather than by two long texts cut
 * to the same visible prefix (issue 14, item 3).
 */
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { compareSurfaces } from "../../generator/diff/sdk/sdk-compare.ts";
import { readSurface } from "../../generator/diff/sdk/sdk-surface.ts";
import { relate } from "../../generator/diff/sdk/sdk-type-text.ts";
import { pkg } from "./sdk-cases.ts";

const LONG = "note?: string; permission: string; role_name?: string; settings?: { a?: string }";
const putWith = (body: string) =>
  pkg({ putThing: `context: Context, body: { ${body} }, options: PutThingOptions = {}): Promise<void>` });

function changes(before: string, after: string) {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: true,
  });
  return compareSurfaces(readSurface(project, "/old", putWith(before)), readSurface(project, "/new", putWith(after)));
}

describe("inline object types", () => {
  it("a member made optional and one added optional widen the type: info for an input, with the paths", () => {
    const found = changes(
      LONG,
      "note?: string; permission?: string; role_name?: string; settings?: { a?: string; b?: number }",
    );
    expect(found.map((c) => [c.ruleId, c.level, c.export])).toEqual([["sdk-type-widened", "info", "putThing"]]);
    expect(found[0]!.message).toContain("`.permission` became optional, `.settings.b` added (optional)");
  });

  it("a member removed breaks code passing it: an error naming the member", () => {
    const found = changes(LONG, "note?: string; permission: string; settings?: { a?: string }");
    expect(found.map((c) => [c.ruleId, c.level])).toEqual([["sdk-type-changed", "error"]]);
    expect(found[0]!.message).toContain("`.role_name` removed");
  });

  it("relates quoted members, nested objects and required additions", () => {
    expect(relate('{ "a-b"?: string }', '{ "a-b"?: string | number }')).toBe("widened");
    expect(relate("{ a: { b?: string } }", "{ a: { b: string } }")).toBe("narrowed");
    expect(relate("{ a?: string }", "{ a?: string; c: number }")).toBe("narrowed");
    expect(relate("{ [key: string]: string }", "{ [key: string]: string; a?: string }")).toBe("changed");
  });
});
