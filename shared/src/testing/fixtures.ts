import type { DataCategory } from "../consent/categories.ts";
import type { ConsentRecorded, ConsentWithdrawn } from "../consent/schema.ts";
import type { MutationContext } from "../mutators/define.ts";
import type { Organisation, Person, SessionUser } from "../organisation/schema.ts";

/** The Nijmegen Stapteam, as the tests know it. */
export const organisations = {
  iriszorg: { id: "iriszorg", name: "Iriszorg", shortName: "Iriszorg" },
  ldh: { id: "ldh", name: "Leger des Heils", shortName: "LDH" },
  ggd: { id: "ggd", name: "GGD Gelderland-Zuid, Bijzondere Zorg", shortName: "GGD" },
  gemeente: { id: "gemeente", name: "Gemeente Nijmegen", shortName: "Gemeente", kind: "municipality" },
} satisfies Record<string, Organisation>;

export const people = {
  fatima: { id: "fatima", name: "Fatima", organisationId: "iriszorg", role: "casemanager", active: true },
  joost: { id: "joost", name: "Joost", organisationId: "iriszorg", role: "coordinator", active: true },
  sanne: { id: "sanne", name: "Sanne", organisationId: "ldh", role: "casemanager", active: true },
  mirjam: { id: "mirjam", name: "Mirjam", organisationId: "ldh", role: "ervaringsdeskundige", active: true },
  kees: { id: "kees", name: "Kees", organisationId: "ggd", role: "casemanager", active: true },
  ruud: { id: "ruud", name: "Ruud", organisationId: "gemeente", role: "procesregisseur", active: true },
  petra: { id: "petra", name: "Petra", organisationId: "gemeente", role: "policy", active: true },
  anouk: { id: "anouk", name: "Anouk", organisationId: "iriszorg", role: "admin", active: true },
  /** Left Iriszorg last year; still in the directory, no longer active. */
  henk: { id: "henk", name: "Henk", organisationId: "iriszorg", role: "casemanager", active: false },
} satisfies Record<string, Person>;

export type PersonName = keyof typeof people;

export function sessionUser(name: PersonName): SessionUser {
  const { id, organisationId, role } = people[name];
  return { id, organisationId, role };
}

/** Instants as the server writes them: `day(0)` is Monday 4 March 2024, 09:00 UTC. */
const dayZero = Date.parse("2024-03-04T09:00:00.000Z");
export const dayMs = 24 * 3600 * 1000;
export const day = (n: number): string => new Date(dayZero + n * dayMs).toISOString();
/** The same moment shifted by some milliseconds. */
export const shift = (instant: string, ms: number): string => new Date(Date.parse(instant) + ms).toISOString();

let mutationCounter = 0;
export function acting(name: PersonName, now: string = day(0)): MutationContext {
  mutationCounter += 1;
  return { user: sessionUser(name), now, mutationId: `m-${mutationCounter}` };
}

/** A written consent Anna gave at Iriszorg on day 0, for a year, sharing housing with LDH. */
export function recorded(consentId: string, overrides: Partial<ConsentRecorded> = {}): ConsentRecorded {
  return {
    id: `${consentId}-recorded`,
    clientId: "anna",
    consentId,
    type: "recorded",
    grantedTo: ["ldh"],
    categories: ["housing"],
    purpose: "stapteam-coordination",
    purposeNote: "Afstemming in het Stapteam",
    form: "written",
    validFrom: day(0),
    validUntil: day(365),
    recordedAt: day(0),
    recordedBy: "fatima",
    recordedByOrganisationId: "iriszorg",
    ...overrides,
  };
}

export function withdrawn(
  consentId: string,
  withdrawnAt: string,
  scope: { organisations?: string[] | null; categories?: DataCategory[] | null; id?: string } = {},
): ConsentWithdrawn {
  return {
    id: scope.id ?? `${consentId}-withdrawn-${withdrawnAt}`.replace(/[^A-Za-z0-9_:.-]/g, "_").slice(0, 64),
    clientId: "anna",
    consentId,
    type: "withdrawn",
    organisations: scope.organisations ?? null,
    categories: scope.categories ?? null,
    reason: "Anna wil dit niet meer delen",
    withdrawnAt,
    withdrawnBy: "fatima",
  };
}
