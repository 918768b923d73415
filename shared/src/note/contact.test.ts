import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day, shift } from "../testing/fixtures.ts";
import { expectRejected, stapteam } from "../testing/stapteam.ts";
import { contactOf, currentContacts, daysSince, lastContactAt } from "./contact.ts";
import type { Note } from "./schema.ts";

const note = (id: string, overrides: Partial<Note> = {}): Note => ({
  id,
  clientId: "anna",
  text: "Gesproken",
  authorUserId: "fatima",
  authorOrganisationId: "iriszorg",
  createdAt: day(10),
  correctsNoteId: null,
  contactAt: day(10),
  contactType: "street",
  noShow: false,
  ...overrides,
});

describe("contacts", () => {
  it("Fatima logs a street contact of last night the next morning: it keeps the moment it happened", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addNote,
      {
        id: "n1",
        clientId: "anna",
        text: "Anna op de Waalkade gesproken",
        correctsNoteId: null,
        contactAt: shift(day(1), -11 * 3_600_000),
        contactType: "street",
        noShow: false,
      },
      acting("fatima", day(1)),
    );
    expect(store.get("notes", "n1")).toMatchObject({ contactAt: shift(day(1), -11 * 3_600_000), createdAt: day(1), contactType: "street", noShow: false });
  });

  it("a contact in the future is refused by code, and nothing is written", async () => {
    const store = await stapteam();
    await expectRejected(
      store.run(
        mutators.addNote,
        { id: "n1", clientId: "anna", text: "Morgen", correctsNoteId: null, contactAt: day(2), contactType: "phone" },
        acting("fatima", day(1)),
      ),
      "invalid",
      "contact.in-future",
    );
    expect(store.all("notes")).toEqual([]);
  });

  it("a note from an older extension (no contact fields) is a contact of unknown type, now", async () => {
    const store = await stapteam();
    await store.run(mutators.addNote, { id: "n1", clientId: "anna", text: "Oude notitie", correctsNoteId: null }, acting("fatima", day(3)));
    expect(store.get("notes", "n1")).toMatchObject({ contactAt: day(3), contactType: "unknown", noShow: false });
  });

  it("a note stored before contacts existed (no contact fields at all) reads as a contact of unknown type at its writing", () => {
    const { contactAt: _a, contactType: _t, noShow: _n, ...old } = note("old", { createdAt: day(5) });
    expect(contactOf(old)).toMatchObject({ at: day(5), type: "unknown", noShow: false, text: "Gesproken" });
  });

  it("last contact is the latest that took place: a no-show does not count, nor a contact that was corrected away", () => {
    const notes = [
      note("a", { contactAt: day(1) }),
      note("b", { contactAt: day(4), noShow: true }),
      note("c", { contactAt: day(3) }),
      // c was logged on the wrong day: the correction says day 2.
      note("c2", { contactAt: day(2), correctsNoteId: "c", createdAt: day(11) }),
    ];
    expect(lastContactAt(notes)).toBe(day(2));
    expect(currentContacts(notes).map((c) => c.id)).toEqual(["b", "c2", "a"]);
    expect(lastContactAt([])).toBeNull();
    expect(lastContactAt([note("x", { noShow: true })])).toBeNull();
  });

  it("days since counts calendar days in the Netherlands", () => {
    expect(daysSince("2024-03-04T22:00:00.000Z", "2024-03-05T01:00:00.000Z")).toBe(1);
    expect(daysSince("2024-03-04T01:00:00.000Z", "2024-03-04T22:00:00.000Z")).toBe(0);
    // 23:00 UTC is midnight in Nijmegen (winter time): a contact at 23:30 UTC was on the 5th there.
    expect(daysSince("2024-03-04T23:30:00.000Z", "2024-03-05T08:00:00.000Z")).toBe(0);
    expect(daysSince("2024-03-04T01:00:00.000Z", "2024-03-04T23:30:00.000Z")).toBe(1);
    expect(daysSince("2024-03-04T09:00:00.000Z", "2024-03-25T09:00:00.000Z")).toBe(21);
  });
});
