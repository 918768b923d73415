import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iso, logArb, momentIn, renderLog } from "../testing/consent-arbitraries.ts";
import { day, dayMs, recorded, shift, withdrawn } from "../testing/fixtures.ts";
import type { ConsentEvent } from "./schema.ts";
import { type ConsentState, deriveConsents, expiresSoon, expiryReminderDays } from "./state.ts";

/** The state of Anna's only consent at `now`. */
function stateOf(events: ConsentEvent[], now: string): ConsentState {
  const states = deriveConsents(events, now);
  expect(states).toHaveLength(1);
  const [state] = states;
  if (!state) throw new Error("no consent state");
  return state;
}

// Anna consents on day 0 to share housing and addiction with LDH and the GGD, for a year.
const consent = recorded("c1", { grantedTo: ["ldh", "ggd"], categories: ["housing", "addiction"] });

describe("deriveConsents: what became of each consent", () => {
  it("a consent is not there before it was recorded", () => {
    expect(deriveConsents([consent], shift(day(0), -1))).toEqual([]);
  });

  it("a consent recorded to start later is pending until validFrom, then active", () => {
    const later = recorded("c1", { validFrom: day(7) });
    expect(stateOf([later], day(1)).status).toBe("pending");
    expect(stateOf([later], shift(day(7), -1)).status).toBe("pending");
    expect(stateOf([later], day(7)).status).toBe("active");
  });

  it("is active up to the last millisecond before validUntil and expired from validUntil on", () => {
    expect(stateOf([consent], shift(day(365), -1)).status).toBe("active");
    expect(stateOf([consent], day(365)).status).toBe("expired");
    expect(stateOf([consent], day(900)).status).toBe("expired");
  });

  it("lists one grant per organisation and category, none withdrawn yet", () => {
    const { grants } = stateOf([consent], day(1));
    expect(grants).toEqual([
      { organisationId: "ldh", category: "housing", withdrawal: null },
      { organisationId: "ldh", category: "addiction", withdrawal: null },
      { organisationId: "ggd", category: "housing", withdrawal: null },
      { organisationId: "ggd", category: "addiction", withdrawal: null },
    ]);
  });

  it("withdrawing for LDH only leaves the consent active, with LDH's grants marked withdrawn", () => {
    const forLdh = withdrawn("c1", day(10), { organisations: ["ldh"] });
    const state = stateOf([consent, forLdh], day(11));
    expect(state.status).toBe("active");
    expect(state.grants.filter((g) => g.withdrawal !== null).map((g) => g.organisationId)).toEqual(["ldh", "ldh"]);
    expect(state.grants.filter((g) => g.organisationId === "ggd").every((g) => g.withdrawal === null)).toBe(true);
  });

  it("withdrawing addiction only leaves the consent active for housing", () => {
    const state = stateOf([consent, withdrawn("c1", day(10), { categories: ["addiction"] })], day(11));
    expect(state.status).toBe("active");
    expect(state.grants.filter((g) => g.withdrawal === null).map((g) => g.category)).toEqual(["housing", "housing"]);
  });

  it("partial withdrawals that together cover every grant make the consent withdrawn", () => {
    const events = [consent, withdrawn("c1", day(10), { organisations: ["ldh"] }), withdrawn("c1", day(20), { categories: ["housing", "addiction"] })];
    expect(stateOf(events, day(15)).status).toBe("active");
    expect(stateOf(events, day(20)).status).toBe("withdrawn");
  });

  it("a whole withdrawal counts from its instant, and stays 'withdrawn' after the consent would have expired", () => {
    const events = [consent, withdrawn("c1", day(100))];
    expect(stateOf(events, shift(day(100), -1)).status).toBe("active");
    expect(stateOf(events, day(100)).status).toBe("withdrawn");
    expect(stateOf(events, day(400)).status).toBe("withdrawn");
  });

  it("a withdrawal of a pending consent makes it withdrawn before it ever started", () => {
    const events = [recorded("c1", { validFrom: day(7) }), withdrawn("c1", day(3))];
    expect(stateOf(events, day(8)).status).toBe("withdrawn");
  });

  it("a withdrawal of another consent leaves this one alone", () => {
    const other = recorded("c2", { categories: ["notes"] });
    const states = deriveConsents([consent, other, withdrawn("c2", day(5))], day(6));
    expect(states.map((s) => [s.consent.consentId, s.status])).toEqual([
      ["c1", "active"],
      ["c2", "withdrawn"],
    ]);
  });

  it("lists the withdrawals in the order they were made, whatever the order of the log", () => {
    const first = withdrawn("c1", day(10), { organisations: ["ldh"] });
    const second = withdrawn("c1", day(20), { categories: ["addiction"] });
    const state = stateOf([second, consent, first], day(30));
    expect(state.withdrawals.map((w) => w.withdrawnAt)).toEqual([day(10), day(20)]);
    expect(state.grants.find((g) => g.organisationId === "ldh" && g.category === "addiction")?.withdrawal).toEqual(first);
  });

  it("replaying the log for an earlier moment ignores whatever was recorded after it", () => {
    const instantOf = (e: ConsentEvent) => Date.parse(e.type === "recorded" ? e.recordedAt : e.withdrawnAt);
    fc.assert(
      fc.property(
        logArb.chain((log) => fc.tuple(fc.constant(log), momentIn(log))),
        ([log, now]) => {
          const events = renderLog(log);
          const known = events.filter((e) => instantOf(e) <= now);
          expect(deriveConsents(events, iso(now))).toEqual(deriveConsents(known, iso(now)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("expiresSoon: the team is reminded 30 days before a consent runs out", () => {
  const reminderMs = expiryReminderDays * dayMs;

  it("reminds from exactly 30 days before validUntil, not a millisecond earlier", () => {
    const from = shift(day(365), -reminderMs);
    expect(expiryReminderDays).toBe(30);
    expect(expiresSoon(stateOf([consent], shift(from, -1)), shift(from, -1))).toBe(false);
    expect(expiresSoon(stateOf([consent], from), from)).toBe(true);
    expect(expiresSoon(stateOf([consent], shift(day(365), -1)), shift(day(365), -1))).toBe(true);
  });

  it("does not remind about a consent that expired, was withdrawn or has not started", () => {
    expect(expiresSoon(stateOf([consent], day(365)), day(365))).toBe(false);
    const gone = [consent, withdrawn("c1", day(340))];
    expect(expiresSoon(stateOf(gone, day(350)), day(350))).toBe(false);
    const shortAndLater = recorded("c1", { validFrom: day(10), validUntil: day(20) });
    expect(expiresSoon(stateOf([shortAndLater], day(5)), day(5))).toBe(false);
  });

  it("still reminds when only part of the consent was withdrawn", () => {
    const partly = [consent, withdrawn("c1", day(100), { organisations: ["ggd"] })];
    expect(expiresSoon(stateOf(partly, day(350)), day(350))).toBe(true);
  });
});
