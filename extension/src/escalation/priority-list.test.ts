import type { Client, Priority } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { priorityListFor } from "./priority-list.ts";

const client = (id: string, ownerOrganisationId: string) => ({ id, alias: id, birthYear: 1990, ownerOrganisationId }) as Client;
const mark = (clientId: string, organisationId: string, listedAt: string): Priority => ({
  id: `priority:${organisationId}:${clientId}`,
  clientId,
  organisationId,
  reason: "geen woonplek",
  listedAt,
  listedBy: "peter",
  removedAt: null,
  removedBy: null,
});

describe("the priority list a user sees", () => {
  const clients = [client("anouk", "org-iriszorg"), client("roos", "org-ldh")];
  const marks = [
    mark("roos", "org-gemeente", "2026-11-02T10:00:00.000Z"),
    mark("anouk", "org-gemeente", "2026-10-01T10:00:00.000Z"),
    mark("ghost", "org-gemeente", "2026-09-01T10:00:00.000Z"),
  ];

  it("gives the procesregisseur her municipality's marks, longest listed first, leaving out a client the device does not hold", () => {
    const lines = priorityListFor({ role: "procesregisseur", organisationId: "org-gemeente" }, marks, clients);
    expect(lines.map((l) => l.client.id)).toEqual(["anouk", "roos"]);
  });

  it("gives another municipality's procesregisseur nothing", () => {
    expect(priorityListFor({ role: "procesregisseur", organisationId: "org-elders" }, marks, clients)).toEqual([]);
  });

  it("gives a holder's worker only the clients her organisation holds", () => {
    const lines = priorityListFor({ role: "casemanager", organisationId: "org-ldh" }, marks, clients);
    expect(lines.map((l) => l.client.id)).toEqual(["roos"]);
  });
});
