import type { ClientExport } from "@naast/shared";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { clientExportPdf } from "./export-pdf.ts";

const at = "2027-03-04T10:00:00.000Z";
const data: ClientExport = {
  format: "naast-client-export/1",
  clientId: "anna",
  alias: "Anna",
  holderName: "Iriszorg",
  generatedAt: at,
  records: {
    clients: [
      {
        id: "anna",
        alias: "Anna",
        birthYear: 1991,
        ownerOrganisationId: "iriszorg",
        responsibleUserId: "fatima",
        status: "active",
        formerOwners: [],
        closure: null,
        createdAt: at,
        updatedAt: at,
      },
    ],
    planDomains: [{ id: "anna:housing", clientId: "anna", domain: "housing", situation: "Slaapt in de nachtopvang", goal: "Eigen kamer" }],
    notes: [{ id: "n1", clientId: "anna", text: "Op straat gesproken", authorUserId: "fatima", authorOrganisationId: "iriszorg", createdAt: at }],
    consentConversations: [{ id: "c1", clientId: "anna", askedOn: "2027-03-01", outcome: "not-yet", clientWords: "Eerst nadenken", askAgainOn: null }],
    flexbudgetSpendings: [{ id: "f1", clientId: "anna", amountCents: 2500, description: "Slaapzak" }],
  },
  accessLog: [
    {
      at,
      kind: "read",
      event: "pull.deliver",
      personId: "marieke",
      personName: "Marieke",
      organisationId: "ldh",
      organisationName: "Leger des Heils",
      categories: ["housing"],
      basis: "consent",
      consentId: "c1",
      outcome: "ok",
    },
  ],
};

const names: Record<string, string> = { fatima: "Fatima El Amrani", iriszorg: "Iriszorg", ldh: "Leger des Heils" };

describe("the readable copy of all of a client's data", () => {
  it("names her plan, notes, conversations, whatever else is stored, and who read it, in plain Dutch", async () => {
    const bytes = await clientExportPdf("nl", data, (id) => names[id] ?? id);
    const { text } = await new PDFParse({ data: bytes }).getText();
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Uw gegevens in Naast");
    expect(flat).toContain("Roepnaam: Anna. Geboren in 1991. Begeleid door Iriszorg. Status: actief.");
    expect(flat).toContain("Huisvesting: Situatie: Slaapt in de nachtopvang. Doel: Eigen kamer.");
    expect(flat).toContain("Fatima El Amrani: Op straat gesproken");
    expect(flat).toContain("nog niet — “Eerst nadenken”");
    // A collection the PDF has no words of its own for still appears, field by field.
    expect(flat).toContain("description: Slaapzak");
    expect(flat).toMatch(/Marieke \(Leger des Heils\) heeft bekeken: Huisvesting\. Dat mocht: de cliënt heeft daar toestemming voor gegeven\./);
  });
});
