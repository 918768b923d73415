import { deriveConsents } from "@naast/shared";
import { day, recorded, withdrawn } from "@naast/shared/testing/fixtures";
import { describe, expect, it } from "vitest";
import { anna } from "../testing/anna.ts";
import { isWithdrawable, statementFileName, warnsOfEnd, whoSees } from "./who-sees.ts";

describe("who sees the client, as the consent section shows it", () => {
  it("lists former holders only while they may still read, and knows whether this user's organisation holds her", () => {
    const client = {
      ...anna,
      formerOwners: [
        { organisationId: "ldh", userId: "sanne", readOnlyUntil: day(10) },
        { organisationId: "ggd", userId: "kees", readOnlyUntil: day(2) },
      ],
    };
    const seen = whoSees(client, [recorded("c1")], "iriszorg", day(5));
    expect(seen.isHolder).toBe(true);
    expect(seen.stillReading.map((f) => f.organisationId)).toEqual(["ldh"]);
    expect(seen.states.map((s) => s.status)).toEqual(["active"]);
    expect(whoSees(client, [], "ldh", day(5)).isHolder).toBe(false);
  });

  it("offers withdrawal of a consent in force or still to start, not of one that ended", () => {
    const [active] = deriveConsents([recorded("c1")], day(1));
    const [pending] = deriveConsents([recorded("c2", { validFrom: day(3) })], day(1));
    const [expired] = deriveConsents([recorded("c3", { validUntil: day(2) })], day(4));
    const [gone] = deriveConsents([recorded("c4"), withdrawn("c4", day(1))], day(2));
    expect([active, pending, expired, gone].map((s) => s && isWithdrawable(s))).toEqual([true, true, false, false]);
  });

  it("warns only the holder that a consent ends within 30 days", () => {
    const [ending] = deriveConsents([recorded("c1", { validUntil: day(20) })], day(1));
    const [later] = deriveConsents([recorded("c2", { validUntil: day(200) })], day(1));
    if (!ending || !later) throw new Error("no consent state");
    expect([warnsOfEnd(ending, true, day(1)), warnsOfEnd(ending, false, day(1)), warnsOfEnd(later, true, day(1))]).toEqual([true, false, false]);
  });

  it("names the statement after the client and the consent's last day", () => {
    const [state] = deriveConsents([recorded("c1")], day(1));
    if (!state) throw new Error("no consent state");
    expect(statementFileName(anna, state)).toBe(`toestemming-Anna-${day(365).slice(0, 10)}.pdf`);
  });
});
