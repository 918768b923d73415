import fc from "fast-check";
import type { DataCategory } from "../consent/categories.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { type Role, roles } from "../organisation/schema.ts";

/**
 * Random consent logs for property tests. Instants are plain milliseconds on a coarse grid (so
 * that validFrom, validUntil, withdrawals and "now" often coincide), and are rendered as ISO
 * strings in assorted time-zone offsets, so a test model never has to parse what it checks.
 */
export const hour = 3600 * 1000;
const base = Date.parse("2024-03-04T00:00:00.000Z");

export const orgPool = ["iriszorg", "ldh", "ggd"] as const;
export const categoryPool: readonly DataCategory[] = ["housing", "addiction", "notes"];

export interface RecordedModel {
  consentId: string;
  grantedTo: string[];
  categories: DataCategory[];
  recordedAt: number;
  validFrom: number;
  validUntil: number;
  offsetMinutes: number;
}

export interface WithdrawnModel {
  consentId: string;
  organisations: string[] | null;
  categories: DataCategory[] | null;
  withdrawnAt: number;
  offsetMinutes: number;
}

export interface LogModel {
  recorded: RecordedModel[];
  withdrawn: WithdrawnModel[];
  /** The order the events appear in the log: indexes into recorded ++ withdrawn. */
  order: number[];
}

/** A moment on the grid: whole hours from day 0, sometimes a millisecond before or after. */
export const instantArb: fc.Arbitrary<number> = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(0, 0, 0, -1, 1))
  .map(([h, ms]) => base + h * hour + ms);

const offsetArb = fc.constantFrom(0, 0, 60, 120, -300, 330);
export const orgArb = fc.constantFrom(...orgPool);
export const categoryArb = fc.constantFrom(...categoryPool);
/** Consents mostly name the other organisations, now and then the holder too. */
const orgsArb = fc.uniqueArray(fc.constantFrom("ldh", "ggd", "ldh", "ggd", "iriszorg"), { minLength: 1, maxLength: 2 });
const categoriesArb = fc.uniqueArray(categoryArb, { minLength: 1, maxLength: 2 });

/** Mostly sensible windows of a few hours, now and then one that ends before it starts. */
const recordedBodyArb = fc
  .record({
    grantedTo: orgsArb,
    categories: categoriesArb,
    validFrom: instantArb,
    hours: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 9 }, { arbitrary: fc.integer({ min: -2, max: 0 }), weight: 1 }),
    recordedHoursBefore: fc.integer({ min: -3, max: 6 }),
    offsetMinutes: offsetArb,
  })
  .map(({ hours, recordedHoursBefore, ...r }) => ({
    ...r,
    validUntil: r.validFrom + hours * hour,
    recordedAt: r.validFrom - recordedHoursBefore * hour,
  }));

export const logArb: fc.Arbitrary<LogModel> = fc.array(recordedBodyArb, { minLength: 1, maxLength: 3 }).chain((bodies) => {
  const recorded = bodies.map((b, i) => ({ ...b, consentId: `c${i}` }));
  const withdrawal = fc.record({
    // Now and then a withdrawal of a consent this log does not hold.
    consentId: fc.integer({ min: 0, max: recorded.length }).map((i) => `c${i}`),
    organisations: fc.option(orgsArb, { nil: null }),
    categories: fc.option(categoriesArb, { nil: null }),
    withdrawnAt: instantArb,
    offsetMinutes: offsetArb,
  });
  return fc.array(withdrawal, { maxLength: 3 }).chain((withdrawn) => {
    const indexes = [...Array(recorded.length + withdrawn.length).keys()];
    return fc.shuffledSubarray(indexes, { minLength: indexes.length }).map((order) => ({ recorded, withdrawn, order }));
  });
});

export const userArb = fc.record({
  id: fc.constantFrom("fatima", "sanne", "kees"),
  organisationId: orgArb,
  role: fc.oneof(
    { arbitrary: fc.constantFrom<Role>(...roles.filter((r) => r !== "policy" && r !== "admin")), weight: 5 },
    { arbitrary: fc.constantFrom<Role>("policy", "admin"), weight: 1 },
  ),
});

/** An instant as ISO 8601 with the given offset from UTC, e.g. "2024-03-04T10:00:00.000+01:00". */
export function iso(ms: number, offsetMinutes = 0): string {
  if (offsetMinutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local}${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function renderLog(log: LogModel, options: { utcOnly?: boolean } = {}): ConsentEvent[] {
  const off = (o: number) => (options.utcOnly ? 0 : o);
  const events: ConsentEvent[] = [
    ...log.recorded.map(
      (r): ConsentEvent => ({
        id: `${r.consentId}-recorded`,
        clientId: "anna",
        consentId: r.consentId,
        type: "recorded",
        grantedTo: r.grantedTo,
        categories: r.categories,
        purpose: "stapteam-coordination",
        purposeNote: "",
        form: "verbal",
        validFrom: iso(r.validFrom, off(r.offsetMinutes)),
        validUntil: iso(r.validUntil, off(r.offsetMinutes)),
        recordedAt: iso(r.recordedAt, off(r.offsetMinutes)),
        recordedBy: "fatima",
        recordedByOrganisationId: "iriszorg",
      }),
    ),
    ...log.withdrawn.map(
      (w, i): ConsentEvent => ({
        id: `w${i}`,
        clientId: "anna",
        consentId: w.consentId,
        type: "withdrawn",
        organisations: w.organisations,
        categories: w.categories,
        reason: "ingetrokken",
        withdrawnAt: iso(w.withdrawnAt, off(w.offsetMinutes)),
        withdrawnBy: "fatima",
      }),
    ),
  ];
  return log.order.map((i) => events[i]).filter((e): e is ConsentEvent => e !== undefined);
}

/** A moment worth asking about: any moment, or one of the log's own instants, give or take 1 ms. */
export const momentIn = (log: LogModel): fc.Arbitrary<number> => {
  const instants = [...log.recorded.flatMap((r) => [r.recordedAt, r.validFrom, r.validUntil]), ...log.withdrawn.map((w) => w.withdrawnAt)];
  if (instants.length === 0) return instantArb;
  return fc.oneof(
    instantArb,
    fc.tuple(fc.constantFrom(...instants), fc.constantFrom(0, -1, 1)).map(([t, d]) => t + d),
  );
};

/** A pair some consent in the log grants, or any pair. */
const pairIn = (log: LogModel): fc.Arbitrary<[string, DataCategory]> => {
  const granted = log.recorded.flatMap((r) => r.grantedTo.flatMap((o) => r.categories.map((c): [string, DataCategory] => [o, c])));
  const anyPair = fc.tuple(orgArb, categoryArb);
  return granted.length === 0 ? anyPair : fc.oneof(anyPair, fc.constantFrom(...granted));
};

/** A client held by Iriszorg (mostly), someone asking about one category, and the moment she asks. */
export const scenarioArb = logArb.chain((log) =>
  fc
    .record({
      log: fc.constant(log),
      owner: fc.oneof({ arbitrary: fc.constant("iriszorg"), weight: 3 }, { arbitrary: orgArb, weight: 1 }),
      user: userArb,
      pair: pairIn(log),
      now: momentIn(log),
    })
    .map(({ pair: [organisationId, category], user, ...rest }) => ({ ...rest, user: { ...user, organisationId }, category })),
);
