import type { FlexbudgetEntry } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { ledgerLines } from "./ledger-history.ts";

const base = (id: string, recordedAt: string, year = 2024) => ({
  id,
  clientId: "anna",
  year,
  recordedAt,
  recordedBy: "fatima",
  recordedByOrganisationId: "iriszorg",
});
const expense = (id: string, day: string, amountCents: number, needsApproval = false, year = 2024): FlexbudgetEntry => ({
  ...base(id, `${day}T10:00:00.000Z`, year),
  type: "expense",
  day,
  amountCents,
  purpose: "clothing",
  description: `jas ${id}`,
  receiptReference: `bon ${id}`,
  needsApproval,
});

describe("the budget holder's ledger", () => {
  it("lists expenses, storno's and decisions of the year as lines of their own, newest first, each expense with where it stands", () => {
    const entries: FlexbudgetEntry[] = [
      expense("e1", "2024-02-12", 4_995),
      expense("e2", "2024-03-01", 90_000, true),
      { ...base("d2", "2024-03-02T09:00:00.000Z"), type: "decision", expenseId: "e2", approved: true, note: "Akkoord, winter" },
      expense("e3", "2024-04-01", 1_500),
      { ...base("s3", "2024-04-03T09:00:00.000Z"), type: "storno", expenseId: "e3", amountCents: 1_500, reason: "Dubbel geboekt" },
      expense("old", "2023-12-30", 700, false, 2023),
    ];
    expect(ledgerLines(entries, 2024).map((l) => [l.id, l.kind, l.day, l.amountCents, l.text, l.status])).toEqual([
      ["s3", "storno", "2024-04-03", 1_500, "Dubbel geboekt", null],
      ["e3", "expense", "2024-04-01", 1_500, "jas e3", "reversed"],
      ["d2", "approved", "2024-03-02", 90_000, "Akkoord, winter", null],
      ["e2", "expense", "2024-03-01", 90_000, "jas e2", "counted"],
      ["e1", "expense", "2024-02-12", 4_995, "jas e1", "counted"],
    ]);
  });

  it("shows an over-budget expense as waiting until the holder answers, and a declined one as declined", () => {
    const waiting = [expense("e1", "2024-05-01", 20_000, true)];
    expect(ledgerLines(waiting, 2024).map((l) => l.status)).toEqual(["awaiting-approval"]);
    const declined = [...waiting, { ...base("d1", "2024-05-02T08:00:00.000Z"), type: "decision" as const, expenseId: "e1", approved: false, note: "" }];
    expect(ledgerLines(declined, 2024).map((l) => [l.kind, l.status])).toEqual([
      ["declined", null],
      ["expense", "declined"],
    ]);
  });
});
