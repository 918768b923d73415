import { describe, expect, it } from "vitest";
import type { Agreement } from "../agreement/schema.ts";
import type { Client } from "../client/schema.ts";
import type { Note } from "../note/schema.ts";
import { day } from "../testing/fixtures.ts";
import { clientRow } from "./client-row.ts";
import { emptySummary, overviewOfSummary, type SummaryRecord, summarise, summaryWith } from "./summary.ts";

const anna: Client = {
  id: "anna",
  alias: "Anna",
  birthYear: 1991,
  ownerOrganisationId: "iriszorg",
  responsibleUserId: "fatima",
  status: "active",
  formerOwners: [],
  covenants: [],
  closure: null,
  createdAt: day(0),
  updatedAt: day(0),
};
const note = (id: string, at: number, more: Partial<Note> = {}): SummaryRecord => ({
  collection: "notes",
  data: {
    id,
    clientId: "anna",
    text: "Gesproken",
    authorUserId: "fatima",
    authorOrganisationId: "iriszorg",
    createdAt: day(at + 1),
    correctsNoteId: null,
    contactAt: day(at),
    contactType: "street",
    noShow: false,
    ...more,
  },
});
const agreement = (id: string, status: Agreement["status"]): SummaryRecord => ({
  collection: "agreements",
  data: {
    id,
    clientId: "anna",
    domain: null,
    text: "Aanmelden time-out",
    ownerUserId: "fatima",
    ownerOrganisationId: "iriszorg",
    dueDate: day(5).slice(0, 10),
    status,
    createdAt: day(0),
    createdBy: "fatima",
    closedAt: null,
    closedBy: null,
    cancelReason: null,
    escalationId: null,
  },
});

/** A deterministic generator (mulberry32), for the orders the notes arrive in. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The summary kept record by record, as a device stores them, summarising again where it must. */
function kept(records: readonly SummaryRecord[]): ReturnType<typeof summarise> {
  let summary = emptySummary("anna");
  const seen: SummaryRecord[] = [];
  for (const record of records) {
    seen.push(record);
    summary = summaryWith(summary, record) ?? summarise("anna", seen);
  }
  return summary;
}

describe("a client's summary, kept as her records arrive", () => {
  it("has her last contact, not a no-show nor a corrected contact, in any order the notes arrive", () => {
    const records = [
      { collection: "clients", data: anna } as SummaryRecord,
      note("n1", 2),
      note("n2", 9, { noShow: true }),
      note("n3", 7),
      // n4 corrects n3: the contact took place on day 4, not 7.
      note("n4", 4, { correctsNoteId: "n3" }),
      note("n5", 1),
    ];
    const rnd = random(7);
    for (let round = 0; round < 30; round++) {
      const order = [...records].sort(() => rnd() - 0.5);
      // Some notes come again (a pull after the device wrote them itself).
      const again = order.filter(() => rnd() < 0.3);
      const summary = kept([...order, ...again]);
      expect(summary.lastContactAt).toBe(day(4));
      expect(summary).toEqual(summarise("anna", order));
    }
  });

  it("keeps the newest version of a record, and is the same object when a record changes nothing", () => {
    const open = kept([{ collection: "clients", data: anna }, agreement("a1", "open"), agreement("a2", "open")]);
    expect(summaryWith(open, agreement("a1", "open"))).toBe(open);
    const done = summaryWith(open, agreement("a1", "done"));
    expect(done?.agreements.map((a) => [a.id, a.status])).toEqual([
      ["a1", "done"],
      ["a2", "open"],
    ]);
    const overview = done && overviewOfSummary(done);
    expect(overview && clientRow(overview, day(10))).toMatchObject({ alias: "Anna", openAgreements: 1, overdueAgreements: 1, lastContactAt: null });
  });

  it("is no client's overview before her client record arrived", () => {
    const summary = kept([note("n1", 2), agreement("a1", "open")]);
    expect(summary.lastContactAt).toBe(day(2));
    expect(overviewOfSummary(summary)).toBeNull();
    expect(overviewOfSummary(kept([note("n1", 2), { collection: "clients", data: anna }]))?.client.alias).toBe("Anna");
  });
});
