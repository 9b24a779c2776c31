/** read-write-only.yaml: readOnly/writeOnly flags on a model used in requests and responses, nested. */
import { describe, expect, it } from "vitest";
import { fixtureIr, namedType, property, typeText } from "./helpers.ts";

describe("read-write-only.yaml", () => {
  const ir = fixtureIr("read-write-only.yaml");
  const user = namedType(ir, "User").type;
  const flags = (type: typeof user) =>
    Object.fromEntries(
      (type.kind === "object" ? type.properties : []).map((p) => [
        p.name,
        `${p.readOnly ? "ro" : ""}${p.writeOnly ? "wo" : ""}${p.required ? "!" : ""}`,
      ]),
    );

  it("flags readOnly and writeOnly properties, keeping required-ness as written", () => {
    expect(flags(user)).toEqual({
      id: "ro!",
      email: "!",
      password: "wo!",
      createdAt: "ro",
      profile: "",
      credentials: "",
      links: "ro", // readOnly next to a $ref
      manager: "ro", // readOnly on a one-member allOf
    });
  });

  it("flags nested inline and referenced models too", () => {
    expect(flags(property(user, "credentials").type)).toEqual({ keyId: "ro", secret: "wo" });
    expect(flags(namedType(ir, "UserProfile").type)).toEqual({ displayName: "", lastLogin: "ro", pin: "wo" });
    expect(typeText(property(user, "manager").type)).toBe("UserSummary");
  });

  const usage = () =>
    Object.fromEntries(ir.types.map((t) => [t.name, `${t.usage.input ? "in" : ""}${t.usage.output ? "out" : ""}`]));

  it("marks usage: both ways for User and UserProfile, output-only for AuditRecord, none for Unused", () => {
    expect(usage()).toMatchObject({ AuditRecord: "out", Unused: "", User: "inout", UserProfile: "inout" });
  });

  // GAP (usage.ts withUsage): usage walks readOnly properties in request bodies too, so Links and
  // UserSummary (reached only through the readOnly `links` and `manager`, never sent) are marked
  // input. An emitter that skips input-only work (serialisers, request types) cannot rely on it.
  it("a type reached only through readOnly properties is output only", () => {
    expect(usage()).toMatchObject({ Links: "out", UserSummary: "out" });
  });
});
