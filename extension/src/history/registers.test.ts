import type { FlexbudgetEntry, TimeoutEvent } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { registerHistory } from "./registers.ts";

const by = { recordedBy: "fatima", recordedByOrganisationId: "iriszorg", clientId: "anna", year: 2024 };
const expense = (id: string, day: string, needsApproval = false): FlexbudgetEntry => ({
  ...by,
  id,
  type: "expense",
  day,
  recordedAt: `${day}T10:00:00.000Z`,
  amountCents: 2_500,
  purpose: "clothing",
  description: "",
  receiptReference: "",
  needsApproval,
});
const event = { clientId: "anna", by: "fatima", byOrganisationId: "iriszorg" };
const stay = (stayId: string, from: string, until: string, ended: boolean): TimeoutEvent[] => [
  { ...event, id: `${stayId}-r`, stayId, type: "requested", at: `${from}T08:00:00.000Z`, year: 2024, reason: "rust", proposedStart: from, proposedEnd: until },
  { ...event, id: `${stayId}-d`, stayId, type: "decided", at: `${from}T09:00:00.000Z`, approved: true, note: "", beyondTrajectories: false },
  { ...event, id: `${stayId}-s`, stayId, type: "started", at: `${from}T10:00:00.000Z`, day: from, location: "De Haven" },
  ...(ended ? [{ ...event, id: `${stayId}-e`, stayId, type: "ended" as const, at: `${until}T10:00:00.000Z`, day: until, nights: 3, costCents: 41_781 }] : []),
];

describe("her history of the flexbudget and the time-out", () => {
  it("lists ended stays and counted or reversed expenses, newest first; an ongoing stay and an expense awaiting approval are not history yet", () => {
    const entries: FlexbudgetEntry[] = [
      expense("jas", "2024-02-01"),
      expense("te-veel", "2024-05-01", true),
      expense("ov", "2024-03-01"),
      { ...by, id: "storno-ov", type: "storno", expenseId: "ov", amountCents: 2_500, reason: "dubbel geboekt", recordedAt: "2024-03-02T10:00:00.000Z" },
    ];
    const history = registerHistory(entries, [...stay("s1", "2024-02-10", "2024-02-13", true), ...stay("s2", "2024-06-01", "2024-06-05", false)]);
    expect(history.map((h) => [h.kind, h.id, h.day])).toEqual([
      ["expense", "ov", "2024-03-01"],
      ["stay", "s1", "2024-02-13"],
      ["expense", "jas", "2024-02-01"],
    ]);
    expect(history[0]).toMatchObject({ state: { status: "reversed" } });
    expect(history[1]).toMatchObject({ nights: 3, costCents: 41_781, location: "De Haven", from: "2024-02-10" });
  });

  it("is empty when nothing was spent on her", () => {
    expect(registerHistory([], [])).toEqual([]);
  });
});
