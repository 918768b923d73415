import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role, SessionUser } from "../organisation/schema.ts";
import {
  categoryArb,
  hour,
  instantArb,
  iso,
  type LogModel,
  logArb,
  momentIn,
  orgArb,
  type RecordedModel,
  renderLog,
  scenarioArb,
} from "../testing/consent-arbitraries.ts";
import { day, recorded, sessionUser, shift, withdrawn } from "../testing/fixtures.ts";
import { accessibleCategories, canAccess, canAccessAll } from "./can-access.ts";
import { type DataCategory, dataCategories } from "./categories.ts";
import { whyHidden } from "./why-hidden.ts";

const runs = { numRuns: 300 };
const anna = { ownerOrganisationId: "iriszorg" };

// ---- The reference model: the rule restated from its plain words (docs/decisions/0006), on the model's own numbers. ----

const grantsPair = (r: RecordedModel, org: string, category: DataCategory) => r.grantedTo.includes(org) && r.categories.includes(category);

/** The withdrawals made by `now` that take this pair out of consent r, earliest first. */
const withdrawalsOf = (log: LogModel, r: RecordedModel, org: string, category: DataCategory, now: number) =>
  log.withdrawn
    .filter((w) => w.consentId === r.consentId && w.withdrawnAt <= now)
    .filter((w) => (w.organisations === null || w.organisations.includes(org)) && (w.categories === null || w.categories.includes(category)))
    .sort((a, b) => a.withdrawnAt - b.withdrawnAt);

function referenceAllows(log: LogModel, owner: string, user: SessionUser, category: DataCategory, now: number): boolean {
  if (user.role === "policy" || user.role === "admin") return false;
  if (user.organisationId === owner) return true;
  return log.recorded.some(
    (r) =>
      grantsPair(r, user.organisationId, category) &&
      r.recordedAt <= now &&
      r.validFrom <= now &&
      now < r.validUntil &&
      withdrawalsOf(log, r, user.organisationId, category, now).length === 0,
  );
}

/** Why one recorded consent does not (or does) give this pair now, with the instant behind it. */
function causeOf(log: LogModel, r: RecordedModel, org: string, category: DataCategory, now: number) {
  const [first] = withdrawalsOf(log, r, org, category, now);
  if (first) return { reason: "withdrawn", at: first.withdrawnAt } as const;
  if (now >= r.validUntil) return { reason: "expired", at: r.validUntil } as const;
  if (now < r.validFrom) return { reason: "not-yet-valid", at: r.validFrom } as const;
  return { reason: "active", at: now } as const;
}

const scenario = scenarioArb;

/** Counts which branch each run of a property reached, so a test can insist most reach the detailed assertions. */
function branchCounter() {
  const counts = new Map<string, number>();
  const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    hit(branch: string) {
      counts.set(branch, (counts.get(branch) ?? 0) + 1);
    },
    share: (branch: string) => (counts.get(branch) ?? 0) / Math.max(1, total()),
    summary: () => [...counts].map(([branch, n]) => `${branch}: ${Math.round((100 * n) / Math.max(1, total()))} %`).join(", "),
  };
}

/**
 * Someone of another organisation than Anna's (Iriszorg), in a role that may see client data,
 * asking about a pair some consent in the log grants (when one does), at one of the log's own
 * instants: the runs where a denial has a cause to name. The generator draws them directly
 * rather than filtering scenarioArb, which spent most runs on owners, roles and allowed pairs.
 */
const denialScenarioArb = logArb.chain((log) => {
  const userArb = fc.record({
    id: fc.constantFrom("sanne", "kees"),
    role: fc.constantFrom<Role>("casemanager", "ervaringsdeskundige", "coordinator", "procesregisseur"),
  });
  const anyone = fc.record({ log: fc.constant(log), user: userArb, pair: fc.tuple(fc.constantFrom("ldh", "ggd"), categoryArb), now: momentIn(log) });
  const sharing = log.recorded.filter((r) => r.grantedTo.some((o) => o !== anna.ownerOrganisationId));
  // Mostly: one consent of the log, a pair it grants, and an instant at its edges or its
  // withdrawals once it is recorded (before that the answer is plainly "no consent").
  const atAConsent =
    sharing.length === 0
      ? anyone
      : fc.constantFrom(...sharing).chain((r) => {
          const edges = [
            r.validFrom - 1,
            r.validUntil,
            r.validUntil + 1,
            ...log.withdrawn.filter((w) => w.consentId === r.consentId).flatMap((w) => [w.withdrawnAt, w.withdrawnAt + 1]),
          ].filter((t) => t >= r.recordedAt);
          return fc.record({
            log: fc.constant(log),
            user: userArb,
            pair: fc.tuple(fc.constantFrom(...r.grantedTo.filter((o) => o !== anna.ownerOrganisationId)), fc.constantFrom(...r.categories)),
            now: edges.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: 4 }, { arbitrary: momentIn(log), weight: 1 }) : momentIn(log),
          });
        });
  return fc
    .oneof({ arbitrary: atAConsent, weight: 9 }, { arbitrary: anyone, weight: 1 })
    .map(({ pair: [organisationId, category], user, ...rest }) => ({ ...rest, user: { ...user, organisationId }, category }));
});
const manyRuns = { numRuns: 1000 };

describe("canAccess, over random consent logs", () => {
  it("the organisation that holds the client always sees every category, whatever the log says", () => {
    fc.assert(
      fc.property(scenario, ({ log, user, category, now }) => {
        fc.pre(user.role !== "policy" && user.role !== "admin");
        const decision = canAccess(user, { ownerOrganisationId: user.organisationId }, category, renderLog(log), iso(now));
        expect(decision).toEqual({ allowed: true, basis: "owner" });
      }),
      runs,
    );
  });

  it("policy officers and admins never see client data, not even of their own organisation's clients", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom("policy" as const, "admin" as const), ({ log, user, category, now }, role) => {
        const owners = [anna, { ownerOrganisationId: user.organisationId }];
        for (const client of owners) {
          expect(canAccess({ ...user, role }, client, category, renderLog(log), iso(now))).toEqual({ allowed: false, reason: "role" });
        }
      }),
      runs,
    );
  });

  it("another organisation sees a category exactly when a recorded, unwithdrawn consent grants it that category now", () => {
    fc.assert(
      fc.property(scenario, ({ log, owner, user, category, now }) => {
        const decision = canAccess(user, { ownerOrganisationId: owner }, category, renderLog(log), iso(now));
        expect(decision.allowed).toBe(referenceAllows(log, owner, user, category, now));
        if (decision.allowed && decision.basis === "consent") {
          const granting = log.recorded.find((r) => r.consentId === decision.consentId);
          expect(granting && causeOf(log, granting, user.organisationId, category, now).reason).toBe("active");
        }
      }),
      manyRuns,
    );
  });

  it("a denial says why: no consent, or withdrawn, expired or not yet valid as a granting consent is", () => {
    const reached = branchCounter();
    fc.assert(
      fc.property(denialScenarioArb, ({ log, user, category, now }) => {
        const decision = canAccess(user, anna, category, renderLog(log), iso(now));
        if (decision.allowed) return reached.hit("allowed");
        const granting = log.recorded.filter((r) => grantsPair(r, user.organisationId, category) && r.recordedAt <= now);
        expect(decision.reason === "no-consent").toBe(granting.length === 0);
        if (decision.reason === "role" || decision.reason === "no-consent" || decision.reason === "closed") return reached.hit("no consent");
        const named = granting.find((r) => r.consentId === decision.consentId);
        expect(named).toBeDefined();
        if (!named) return;
        const cause = causeOf(log, named, user.organisationId, category, now);
        expect(cause.reason).toBe(decision.reason);
        expect(Date.parse(decision.reason === "not-yet-valid" ? decision.from : decision.since)).toBe(cause.at);
        reached.hit("cause checked");
      }),
      manyRuns,
    );
    // Most runs must get to the cause: a generator that mostly produces "allowed" proves little.
    expect(reached.share("cause checked"), reached.summary()).toBeGreaterThanOrEqual(0.5);
  });

  it("access follows the user's organisation now, not who she is: a colleague who moves takes nothing along", () => {
    fc.assert(
      fc.property(scenario, orgArb, ({ log, owner, user, category, now }, newOrganisation) => {
        const events = renderLog(log);
        const moved = canAccess({ ...user, organisationId: newOrganisation }, { ownerOrganisationId: owner }, category, events, iso(now));
        const newcomer = canAccess(
          { ...user, id: "new-colleague", organisationId: newOrganisation },
          { ownerOrganisationId: owner },
          category,
          events,
          iso(now),
        );
        expect(moved).toEqual(newcomer);
      }),
      runs,
    );
  });

  it("time-zone offsets and the order of the log do not change the decision", () => {
    fc.assert(
      fc.property(scenario, ({ log, owner, user, category, now }) => {
        const client = { ownerOrganisationId: owner };
        const utc = canAccess(user, client, category, renderLog(log, { utcOnly: true }), iso(now));
        expect(canAccess(user, client, category, renderLog(log), iso(now, 120)).allowed).toBe(utc.allowed);
        expect(canAccess(user, client, category, renderLog(log).reverse(), iso(now)).allowed).toBe(utc.allowed);
      }),
      runs,
    );
  });

  it("accessibleCategories lists exactly the categories canAccess allows", () => {
    fc.assert(
      fc.property(scenario, ({ log, owner, user, now }) => {
        const events = renderLog(log);
        const listed = accessibleCategories(user, { ownerOrganisationId: owner }, events, iso(now));
        for (const category of dataCategories) {
          const decision = canAccess(user, { ownerOrganisationId: owner }, category, events, iso(now));
          expect(listed.get(category)).toEqual(decision.allowed ? decision : undefined);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("canAccess at the edges of a consent", () => {
  // Anna consents at Iriszorg to share housing with LDH; Sanne (LDH) looks.
  const sanne = sessionUser("sanne");
  const window = fc.record({ from: instantArb, lead: fc.integer({ min: 0, max: 48 }), hours: fc.integer({ min: 1, max: 24 * 730 }) });
  const consentFor = ({ from, lead, hours }: { from: number; lead: number; hours: number }) =>
    recorded("c1", { recordedAt: iso(from - lead * hour), validFrom: iso(from), validUntil: iso(from + hours * hour) });

  it("is allowed 1 ms before validUntil and denied as expired from validUntil on", () => {
    fc.assert(
      fc.property(window, fc.integer({ min: 0, max: 1e10 }), (w, later) => {
        const until = w.from + w.hours * hour;
        const log = [consentFor(w)];
        expect(canAccess(sanne, anna, "housing", log, iso(until - 1)).allowed).toBe(true);
        for (const t of [until, until + later]) {
          expect(canAccess(sanne, anna, "housing", log, iso(t))).toEqual({ allowed: false, reason: "expired", consentId: "c1", since: iso(until) });
        }
      }),
      runs,
    );
  });

  it("a withdrawal at t is allowed just before t and denied as withdrawn from t on", () => {
    const scope = fc.record({
      organisations: fc.constantFrom<string[] | null>(null, ["ldh"], ["ggd", "ldh"]),
      categories: fc.constantFrom<DataCategory[] | null>(null, ["housing"], ["addiction", "housing"]),
    });
    fc.assert(
      fc.property(window, fc.double({ min: 0, max: 1, noNaN: true }), scope, (w, fraction, s) => {
        const t = w.from + 1 + Math.floor(fraction * (w.hours * hour - 1));
        const log = [consentFor(w), withdrawn("c1", iso(t), s)];
        expect(canAccess(sanne, anna, "housing", log, iso(t - 1)).allowed).toBe(true);
        for (const now of [t, t + 1, w.from + w.hours * hour + 1]) {
          expect(canAccess(sanne, anna, "housing", log, iso(now))).toEqual({ allowed: false, reason: "withdrawn", consentId: "c1", since: iso(t) });
        }
      }),
      runs,
    );
  });

  it("counts from validFrom, and not before the consent was recorded", () => {
    const log = [recorded("c1", { recordedAt: day(2), validFrom: day(1) })];
    expect(canAccess(sanne, anna, "housing", log, shift(day(2), -1))).toEqual({ allowed: false, reason: "no-consent" });
    expect(canAccess(sanne, anna, "housing", log, day(2)).allowed).toBe(true);
    const later = [recorded("c1", { validFrom: day(10) })];
    expect(canAccess(sanne, anna, "housing", later, shift(day(10), -1))).toEqual({ allowed: false, reason: "not-yet-valid", consentId: "c1", from: day(10) });
    expect(canAccess(sanne, anna, "housing", later, day(10)).allowed).toBe(true);
  });
});

describe("canAccess, Anna's story", () => {
  const log = [recorded("c1", { grantedTo: ["ldh", "ggd"], categories: ["housing", "addiction"] })];

  it("LDH sees the housing Anna shared, but not her mental health, which she did not", () => {
    expect(canAccess(sessionUser("sanne"), anna, "housing", log, day(5))).toEqual({ allowed: true, basis: "consent", consentId: "c1" });
    expect(canAccess(sessionUser("mirjam"), anna, "housing", log, day(5)).allowed).toBe(true);
    expect(canAccess(sessionUser("sanne"), anna, "mental_health", log, day(5))).toEqual({ allowed: false, reason: "no-consent" });
    expect(canAccess(sessionUser("ruud"), anna, "housing", log, day(5))).toEqual({ allowed: false, reason: "no-consent" });
  });

  it("withdrawing for LDH only leaves GGD its access; withdrawing addiction leaves housing", () => {
    const events = [...log, withdrawn("c1", day(10), { organisations: ["ldh"] }), withdrawn("c1", day(20), { categories: ["addiction"] })];
    expect(canAccess(sessionUser("sanne"), anna, "housing", events, day(11)).allowed).toBe(false);
    expect(canAccess(sessionUser("kees"), anna, "addiction", events, day(11)).allowed).toBe(true);
    expect(canAccess(sessionUser("kees"), anna, "addiction", events, day(20)).allowed).toBe(false);
    expect(canAccess(sessionUser("kees"), anna, "housing", events, day(20)).allowed).toBe(true);
  });

  it("Sanne moves from LDH to the GGD: she loses what LDH saw and gains what the GGD sees", () => {
    const onlyLdh = [recorded("c1", { grantedTo: ["ldh"] }), recorded("c2", { grantedTo: ["ggd"], categories: ["addiction"] })];
    const sanneAtGgd: SessionUser = { ...sessionUser("sanne"), organisationId: "ggd" };
    expect(canAccess(sessionUser("sanne"), anna, "housing", onlyLdh, day(5)).allowed).toBe(true);
    expect(canAccess(sanneAtGgd, anna, "housing", onlyLdh, day(5)).allowed).toBe(false);
    expect(canAccess(sanneAtGgd, anna, "addiction", onlyLdh, day(5))).toEqual({ allowed: true, basis: "consent", consentId: "c2" });
  });

  it("withdrawn twice, the denial dates from the first withdrawal", () => {
    const events = [withdrawn("c1", day(30)), ...log, withdrawn("c1", day(10), { organisations: ["ldh"] })];
    expect(canAccess(sessionUser("sanne"), anna, "housing", events, day(40))).toEqual({ allowed: false, reason: "withdrawn", consentId: "c1", since: day(10) });
  });

  it("a renewed consent gives access again after the first one expired", () => {
    const renewed = [recorded("c1"), recorded("c2", { recordedAt: day(360), validFrom: day(365), validUntil: day(730) })];
    expect(canAccess(sessionUser("sanne"), anna, "housing", renewed, day(365))).toEqual({ allowed: true, basis: "consent", consentId: "c2" });
  });
});

describe("canAccess after a handover: the organisation that handed the client over reads, for a while", () => {
  /** Former owners on the grid; their ends are instants, sometimes in another offset. */
  const render = (former: { organisationId: string; until: number; offsetMinutes: number }[]) =>
    former.map((f) => ({ organisationId: f.organisationId, userId: "someone", readOnlyUntil: iso(f.until, f.offsetMinutes) }));
  /**
   * Mostly someone whom neither ownership nor consent lets in (denialScenarioArb), now and then
   * any scenario; former owners mostly the asking user's organisation, with a read-only
   * end mostly after the moment she asks: so most runs test the handover grant itself, and the
   * rest (ended, another organisation, an owner or consent that decides first) still occur.
   */
  const askers = fc.oneof(
    { arbitrary: denialScenarioArb.map((s) => ({ ...s, owner: anna.ownerOrganisationId })), weight: 4 },
    { arbitrary: scenarioArb, weight: 1 },
  );
  const handoverScenarioArb = askers.chain((scenario) =>
    fc
      .array(
        fc.record({
          organisationId: fc.oneof({ arbitrary: fc.constant(scenario.user.organisationId), weight: 4 }, { arbitrary: orgArb, weight: 1 }),
          until: fc
            .oneof({ arbitrary: fc.integer({ min: 0, max: 6 }), weight: 4 }, { arbitrary: fc.integer({ min: -3, max: -1 }), weight: 1 })
            .map((h) => scenario.now + 1 + h * hour),
          offsetMinutes: fc.constantFrom(0, 60, -300),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((former) => ({ ...scenario, former })),
  );

  it("owner first, then an active consent, then the handover grant until its latest end; otherwise as without it", () => {
    const reached = branchCounter();
    fc.assert(
      fc.property(handoverScenarioArb, ({ log, owner, user, category, now, former }) => {
        const events = renderLog(log);
        const decision = canAccess(user, { ownerOrganisationId: owner, formerOwners: render(former) }, category, events, iso(now));
        const without = canAccess(user, { ownerOrganisationId: owner }, category, events, iso(now));
        const ends = former.filter((f) => f.organisationId === user.organisationId && now < f.until).map((f) => f.until);
        if (without.allowed || user.role === "policy" || user.role === "admin" || ends.length === 0) {
          expect(decision).toEqual(without);
          reached.hit(without.allowed ? "allowed without" : "as without");
        } else {
          expect(decision).toMatchObject({ allowed: true, basis: "handover" });
          if (decision.allowed && decision.basis === "handover") expect(Date.parse(decision.until)).toBe(Math.max(...ends));
          reached.hit("handover grant");
        }
      }),
      manyRuns,
    );
    expect(reached.share("handover grant"), reached.summary()).toBeGreaterThanOrEqual(0.5);
  });

  it("read-only ends exactly at readOnlyUntil: allowed 1 ms before, denied at the instant and after", () => {
    const sanne = sessionUser("sanne");
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 1e10 }), fc.constantFrom<DataCategory>(...dataCategories), (until, later, category) => {
        const client = { ownerOrganisationId: "iriszorg", formerOwners: [{ organisationId: "ldh", userId: "sanne", readOnlyUntil: iso(until) }] };
        expect(canAccess(sanne, client, category, [], iso(until - 1))).toEqual({ allowed: true, basis: "handover", until: iso(until) });
        for (const t of [until, until + 1, until + later])
          expect(canAccess(sanne, client, category, [], iso(t))).toEqual({ allowed: false, reason: "no-consent" });
      }),
      runs,
    );
  });

  it("goes with the organisation, not the person: a colleague who moves organisation loses it, her successor has it", () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 30 * 24 }), fc.constantFrom("ggd", "gemeente"), (now, hours, elsewhere) => {
        const client = { ownerOrganisationId: "iriszorg", formerOwners: [{ organisationId: "ldh", userId: "sanne", readOnlyUntil: iso(now + hours * hour) }] };
        const moved: SessionUser = { ...sessionUser("sanne"), organisationId: elsewhere };
        expect(canAccess(moved, client, "housing", [], iso(now))).toEqual({ allowed: false, reason: "no-consent" });
        expect(canAccess({ ...sessionUser("mirjam") }, client, "housing", [], iso(now)).allowed).toBe(true);
      }),
      runs,
    );
  });

  it("a consent that still covers her organisation keeps her access after the period, on the consent", () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 24 * 300 }), (until, after) => {
        const client = { ownerOrganisationId: "iriszorg", formerOwners: [{ organisationId: "ldh", userId: "sanne", readOnlyUntil: iso(until) }] };
        const consent = [recorded("c1", { recordedAt: iso(until - 10 * hour), validFrom: iso(until - 10 * hour), validUntil: iso(until + 365 * 24 * hour) })];
        const now = iso(until + after);
        expect(canAccess(sessionUser("sanne"), client, "housing", consent, now)).toEqual({ allowed: true, basis: "consent", consentId: "c1" });
        // …only for what the consent covers: the rest ends with the period.
        expect(canAccess(sessionUser("sanne"), client, "addiction", consent, now)).toEqual({ allowed: false, reason: "no-consent" });
        // Within the period the consent is the basis for what it covers (it allows writing).
        expect(canAccess(sessionUser("sanne"), client, "housing", consent, iso(until - 1))).toMatchObject({ basis: "consent" });
        expect(canAccess(sessionUser("sanne"), client, "addiction", consent, iso(until - 1))).toMatchObject({ basis: "handover" });
      }),
      runs,
    );
  });

  it("never for policy officers and admins", () => {
    const client = { ownerOrganisationId: "iriszorg", formerOwners: [{ organisationId: "gemeente", userId: "ruud", readOnlyUntil: day(30) }] };
    expect(canAccess(sessionUser("petra"), client, "housing", [], day(1))).toEqual({ allowed: false, reason: "role" });
    expect(canAccess(sessionUser("ruud"), client, "housing", [], day(1))).toMatchObject({ allowed: true, basis: "handover" });
  });
});

describe("canAccess for records tied to a life domain, and for closed clients (issue 9)", () => {
  /** Now and then the client was closed, with sharing ending on the grid. */
  const closureArb = fc.option(
    fc.tuple(instantArb, fc.integer({ min: 0, max: 6 })).map(([closedAt, hours]) => ({ closedAt, sharingEndsAt: closedAt + hours * hour })),
    { nil: null },
  );
  const renderClosure = (c: { closedAt: number; sharingEndsAt: number } | null) => c && { closedAt: iso(c.closedAt), sharingEndsAt: iso(c.sharingEndsAt, 60) };

  /** The reference model with the closing rule: after sharing ended, only the holder. */
  const referenceWithClosure = (
    log: LogModel,
    owner: string,
    user: SessionUser,
    category: DataCategory,
    now: number,
    closure: { sharingEndsAt: number } | null,
  ) => referenceAllows(log, owner, user, category, now) && (user.organisationId === owner || closure === null || now < closure.sharingEndsAt);

  it("a record that needs two categories (an afspraak about housing) is allowed exactly when the model allows both", () => {
    fc.assert(
      fc.property(scenarioArb, categoryArb, closureArb, ({ log, owner, user, category, now }, domain, closure) => {
        const client = { ownerOrganisationId: owner, closure: renderClosure(closure) };
        const decision = canAccessAll(user, client, [category, domain], renderLog(log), iso(now));
        const expected = referenceWithClosure(log, owner, user, category, now, closure) && referenceWithClosure(log, owner, user, domain, now, closure);
        expect(decision.allowed).toBe(expected);
        if (!decision.allowed) {
          const first = canAccess(user, client, category, renderLog(log), iso(now));
          expect(decision).toEqual(first.allowed ? canAccess(user, client, domain, renderLog(log), iso(now)) : first);
        }
      }),
      manyRuns,
    );
  });

  it("once a closed client's sharing ended, only the holder sees her, whatever the consents; before that closing changes nothing", () => {
    fc.assert(
      fc.property(scenarioArb, closureArb, ({ log, owner, user, category, now }, closure) => {
        const events = renderLog(log);
        const decision = canAccess(user, { ownerOrganisationId: owner, closure: renderClosure(closure) }, category, events, iso(now));
        expect(decision.allowed).toBe(referenceWithClosure(log, owner, user, category, now, closure));
        const ended = closure !== null && now >= closure.sharingEndsAt;
        if (!ended) expect(decision).toEqual(canAccess(user, { ownerOrganisationId: owner }, category, events, iso(now)));
        else if (user.role !== "policy" && user.role !== "admin" && user.organisationId !== owner) {
          expect(decision).toEqual({ allowed: false, reason: "closed", since: iso(closure.sharingEndsAt, 60) });
        }
      }),
      manyRuns,
    );
  });

  it("the read-only period after a handover ends with sharing when the client is closed", () => {
    const sanne = sessionUser("sanne");
    const client = {
      ownerOrganisationId: "iriszorg",
      formerOwners: [{ organisationId: "ldh", userId: "sanne", readOnlyUntil: day(30) }],
      closure: { closedAt: day(1), sharingEndsAt: day(10) },
    };
    expect(canAccess(sanne, client, "housing", [], shift(day(10), -1))).toMatchObject({ allowed: true, basis: "handover" });
    expect(canAccess(sanne, client, "housing", [], day(10))).toEqual({ allowed: false, reason: "closed", since: day(10) });
    expect(canAccess(sessionUser("fatima"), client, "housing", [], day(400))).toEqual({ allowed: true, basis: "owner" });
  });

  it("whyHidden names the reason and date the model finds most telling over every category, the same ranking canAccess uses", () => {
    const rank = { withdrawn: 3, expired: 2, "not-yet-valid": 1 } as const;
    fc.assert(
      fc.property(scenarioArb, ({ log, owner, user, now }) => {
        fc.pre(user.role !== "policy" && user.role !== "admin" && user.organisationId !== owner);
        fc.pre(dataCategories.every((c) => !referenceAllows(log, owner, user, c, now)));
        let best: { reason: "withdrawn" | "expired" | "not-yet-valid"; at: number } | null = null;
        for (const category of dataCategories) {
          for (const r of log.recorded.filter((r) => grantsPair(r, user.organisationId, category) && r.recordedAt <= now)) {
            const cause = causeOf(log, r, user.organisationId, category, now);
            if (cause.reason === "active") continue;
            const later =
              cause.reason === "not-yet-valid" ? (best?.at ?? Number.POSITIVE_INFINITY) > cause.at : (best?.at ?? Number.NEGATIVE_INFINITY) < cause.at;
            if (!best || rank[cause.reason] > rank[best.reason] || (rank[cause.reason] === rank[best.reason] && later)) best = cause;
          }
        }
        const hidden = whyHidden(user, { ownerOrganisationId: owner }, renderLog(log), iso(now));
        expect(hidden.reason).toBe(best?.reason ?? "no-consent");
        expect(hidden.since === null ? null : Date.parse(hidden.since)).toBe(best?.at ?? null);
      }),
      manyRuns,
    );
  });
});
