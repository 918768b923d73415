import { describe, expect, it } from "vitest";
import { type DirectoryUser, userRows } from "./users.ts";

const user = (id: string, name: string, active = true): DirectoryUser => ({ id, name, role: "casemanager", active, email: `${id}@x.nl` });

describe("the Beheer view's users table", () => {
  it("puts active accounts first, by name, and offers ending only an active colleague's account", () => {
    const rows = userRows([user("z", "Zoë"), user("h", "Henk", false), user("me", "Anouk"), user("e", "Éva")], "me");
    expect(rows.map((r) => [r.name, r.canDeactivate])).toEqual([
      ["Anouk", false],
      ["Éva", true],
      ["Zoë", true],
      ["Henk", false],
    ]);
  });
});
