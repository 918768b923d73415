import { describe, expect, it } from "vitest";
import { roles } from "../organisation/schema.ts";
import { day, recorded, withdrawn } from "../testing/fixtures.ts";
import { mayManageUsers, organisationMaySee } from "./access.ts";

const anna = { ownerOrganisationId: "iriszorg" };

describe("who manages accounts", () => {
  it("is the organisation's admin only", () => {
    expect(roles.filter((role) => mayManageUsers({ role }))).toEqual(["admin"]);
  });
});

describe("what an organisation may see of a client (for its admin's reassignment list)", () => {
  it("is everything for the holder, even though the admin's own role sees no client data", () => {
    expect(organisationMaySee("iriszorg", anna, "any", [], day(1))).toBe(true);
    expect(organisationMaySee("iriszorg", anna, ["agreements", "housing"], [], day(1))).toBe(true);
  });

  it("is nothing of a client no consent shares with it", () => {
    expect(organisationMaySee("ldh", anna, "any", [], day(1))).toBe(false);
    expect(organisationMaySee("ggd", anna, "any", [recorded("c1", { categories: ["agreements", "housing"] })], day(1))).toBe(false);
  });

  it("follows the consent: the categories granted, while it is active, and not after it was withdrawn", () => {
    const consents = [recorded("c1", { categories: ["agreements", "housing"] })];
    expect(organisationMaySee("ldh", anna, ["agreements", "housing"], consents, day(1))).toBe(true);
    expect(organisationMaySee("ldh", anna, ["agreements", "finances"], consents, day(1))).toBe(false);
    expect(organisationMaySee("ldh", anna, "any", [...consents, withdrawn("c1", day(2))], day(3))).toBe(false);
    expect(organisationMaySee("ldh", anna, "any", consents, day(400))).toBe(false);
  });
});
