import { describe, expect, it } from "vitest";
import { organisations } from "../testing/fixtures.ts";
import { consentsToRecord, municipalityDefaultCategories, municipalityOrganisations, stapteamOrganisations } from "./team-choice.ts";

const all = Object.values(organisations);

describe("the Stapteam and the municipality in the consent flow", () => {
  it("'het hele Stapteam' is the care organisations other than the holder, never the municipality", () => {
    expect(stapteamOrganisations(all, "iriszorg").map((o) => o.id)).toEqual(["ldh", "ggd"]);
    expect(stapteamOrganisations(all, "ldh").map((o) => o.id)).toEqual(["iriszorg", "ggd"]);
  });

  it("offers the municipality on its own, with the afspraken, overdrachten and opschalingen and no life domain by default", () => {
    expect(municipalityOrganisations(all, "iriszorg").map((o) => o.id)).toEqual(["gemeente"]);
    expect([...municipalityDefaultCategories].sort()).toEqual(["agreements", "escalations", "handovers"]);
  });

  it("records one consent for the team and one for the municipality, each with its own categories", () => {
    expect(
      consentsToRecord({
        team: { organisations: ["ldh", "ggd"], categories: ["housing", "notes"] },
        municipality: { organisations: ["gemeente"], categories: ["agreements"] },
      }),
    ).toEqual([
      { grantedTo: ["ldh", "ggd"], categories: ["housing", "notes"] },
      { grantedTo: ["gemeente"], categories: ["agreements"] },
    ]);
    expect(consentsToRecord({ team: { organisations: [], categories: ["housing"] }, municipality: { organisations: ["gemeente"], categories: [] } })).toEqual(
      [],
    );
  });
});
