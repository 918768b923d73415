import {
  type Agreement,
  type ConsentEvent,
  type DataCategory,
  dataCategories,
  type Handover,
  type Organisation,
  type Person,
  type PlanDomain,
  type ZrmScore,
} from "@naast/shared";
import type { ExportInput } from "./export-input.ts";

/**
 * Test data for the export: Monique (1979), Iriszorg's client, moves to Arnhem. Fatima
 * (Iriszorg) writes the handover; Sanne (Leger des Heils) keeps following up her debts.
 */
const dayZero = Date.parse("2024-03-04T09:00:00.000Z");
export const day = (n: number): string => new Date(dayZero + n * 24 * 3600 * 1000).toISOString();
export const now = day(10); // Thursday 14 March 2024

export const organisations: Organisation[] = [
  { id: "iriszorg", name: "Iriszorg", shortName: "Iriszorg" },
  { id: "ldh", name: "Leger des Heils", shortName: "LDH" },
  { id: "gemeente", name: "Gemeente Nijmegen", shortName: "Gemeente", kind: "municipality" },
];

export const people: Person[] = [
  { id: "fatima", name: "Fatima Yilmaz", organisationId: "iriszorg", role: "casemanager", active: true },
  { id: "joost", name: "Joost van Dijk", organisationId: "iriszorg", role: "coordinator", active: true },
  { id: "sanne", name: "Sanne de Boer", organisationId: "ldh", role: "casemanager", active: true },
  { id: "ruud", name: "Ruud Janssen", organisationId: "gemeente", role: "procesregisseur", active: true },
];

export const directory = {
  people: new Map(people.map((p) => [p.id, p])),
  organisations: new Map(organisations.map((o) => [o.id, o])),
};

const person = (id: string): Person => {
  const found = directory.people.get(id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
};

export const client = {
  id: "monique",
  alias: "Monique",
  birthYear: 1979,
  ownerOrganisationId: "iriszorg",
  responsibleUserId: "fatima",
  status: "closed" as const,
  formerOwners: [],
  closure: null,
  createdAt: day(-400),
  updatedAt: now,
};

const plan = (domain: PlanDomain["domain"], situation: string, goal: string): PlanDomain => ({
  id: `monique:${domain}`,
  clientId: "monique",
  domain,
  situation,
  goal,
  updatedAt: day(-5),
  updatedBy: "fatima",
});

export const planDomains: PlanDomain[] = [
  plan("finances", "Schulden bij de zorgverzekeraar en de Belastingdienst, samen ongeveer € 14.000.", "Beschermingsbewind en een stabiele uitkering."),
  plan("housing", "Slaapt wisselend bij kennissen en soms op straat.", "Een eigen kamer via Beschermd Wonen in Arnhem."),
  plan("addiction", "Gebruikt dagelijks crack; wil minderen. Methadon via de verslavingszorg.", "Stabiel op methadon, minder gebruik."),
];

const score = (id: string, domain: ZrmScore["domain"], value: number, assessedOn: string): ZrmScore => ({
  id,
  clientId: "monique",
  domain,
  score: value,
  assessedOn,
  assessedBy: "fatima",
  recordedAt: `${assessedOn}T10:00:00.000Z`,
});

export const zrmScores: ZrmScore[] = [
  score("z1", "finances", 1, "2023-11-06"),
  score("z2", "finances", 2, "2024-02-26"),
  score("z3", "housing", 1, "2023-11-06"),
  score("z4", "housing", 1, "2024-02-26"),
  score("z5", "addiction", 2, "2024-02-26"),
];

const agreement = (
  id: string,
  text: string,
  ownerUserId: string,
  dueDate: string,
  domain: Agreement["domain"],
  status: Agreement["status"] = "open",
): Agreement => ({
  id,
  clientId: "monique",
  domain,
  text,
  ownerUserId,
  ownerOrganisationId: person(ownerUserId).organisationId,
  dueDate,
  status,
  createdAt: day(-20),
  createdBy: "fatima",
  closedAt: status === "open" ? null : now,
  closedBy: status === "open" ? null : "fatima",
  cancelReason: null,
  escalationId: null,
});

export const agreements: Agreement[] = [
  agreement("a1", "Aanvraag beschermingsbewind indienen bij de rechtbank", "sanne", "2024-03-20", "finances"),
  agreement("a2", "Intake bij de verslavingszorg in Arnhem regelen", "fatima", "2024-03-15", "addiction"),
  agreement("a3", "Nieuwe identiteitskaart aanvragen", "fatima", "2024-03-08", null, "done"),
  agreement("a4", "Oud afgesloten afspraak die niet meer meegaat", "fatima", "2024-01-10", null, "done"),
];

/** Consent at first contact: LDH may see the whole plan, agreements and handovers; later she took addiction back from LDH. */
export const consentEvents: ConsentEvent[] = [
  {
    id: "c1-recorded",
    clientId: "monique",
    consentId: "c1",
    type: "recorded",
    grantedTo: ["ldh"],
    categories: dataCategories.filter((c) => c !== "notes" && c !== "flexbudget" && c !== "timeout" && c !== "escalations"),
    purpose: "stapteam-coordination",
    purposeNote: "Zodat Sanne en Fatima samen kunnen werken",
    form: "written",
    validFrom: day(-60),
    validUntil: day(305),
    recordedAt: day(-60),
    recordedBy: "fatima",
    recordedByOrganisationId: "iriszorg",
  },
  {
    id: "c1-withdrawn-1",
    clientId: "monique",
    consentId: "c1",
    type: "withdrawn",
    organisations: ["ldh"],
    categories: ["addiction"],
    reason: "Monique wil haar verslavingszorg voor zichzelf houden",
    withdrawnAt: day(-3),
    withdrawnBy: "fatima",
  },
  {
    id: "c0-recorded",
    clientId: "monique",
    consentId: "c0",
    type: "recorded",
    grantedTo: ["gemeente"],
    categories: ["housing"],
    purpose: "stapteam-coordination",
    purposeNote: "",
    form: "verbal",
    validFrom: day(-400),
    validUntil: day(-35),
    recordedAt: day(-400),
    recordedBy: "fatima",
    recordedByOrganisationId: "iriszorg",
  },
  {
    id: "c2-recorded",
    clientId: "monique",
    consentId: "c2",
    type: "recorded",
    grantedTo: ["gemeente"],
    categories: ["housing", "finances"],
    purpose: "stapteam-coordination",
    purposeNote: "",
    form: "verbal",
    validFrom: day(-30),
    validUntil: day(200),
    recordedAt: day(-30),
    recordedBy: "fatima",
    recordedByOrganisationId: "iriszorg",
  },
  {
    id: "c2-withdrawn",
    clientId: "monique",
    consentId: "c2",
    type: "withdrawn",
    organisations: null,
    categories: null,
    reason: "Wil niet dat de gemeente meekijkt",
    withdrawnAt: day(-10),
    withdrawnBy: "fatima",
  },
];

export const handover: Handover = {
  id: "h1",
  clientId: "monique",
  kind: "other-municipality",
  fromUserId: "fatima",
  fromOrganisationId: "iriszorg",
  toUserId: null,
  toOrganisationId: null,
  toExternal: "Gemeente Arnhem, team Bijzondere Doelgroepen",
  domains: [
    { domain: "finances", score: 2, situation: "Schulden ongeveer € 14.000; bewind is aangevraagd, uitkering loopt via de gemeente Nijmegen." },
    { domain: "housing", score: 1, situation: "Slaapt wisselend bij kennissen in Arnhem; staat op de wachtlijst voor Beschermd Wonen." },
    { domain: "addiction", score: 2, situation: "Gebruikt dagelijks crack; methadon via de verslavingszorg, wil minderen." },
  ],
  sectionDomains: { risks: null, whatWorks: null, text: null },
  risks: "Raakt snel uit beeld als afspraken niet doorgaan. Ex-partner zoekt haar op.",
  whatWorks: "Persoonlijke aandacht, lange adem; outreachend werken, afspreken op straat of bij de inloop.",
  network: [
    { name: "Zus Ellen", role: "familie", reachableAt: "via Monique" },
    { name: "Huisarts Molenaar", role: "huisarts", reachableAt: "024 123 4567" },
  ],
  agreements: [
    { agreementId: "a1", action: "carry", newOwnerUserId: "sanne" },
    { agreementId: "a2", action: "carry", newOwnerUserId: "fatima" },
    { agreementId: "a3", action: "done" },
  ],
  text: "Monique weet dat ze in Arnhem een nieuwe casemanager krijgt. Eerste afspraak samen → bij de inloop.",
  correctsHandoverId: null,
  createdAt: day(9),
};

/** Fatima exports: her organisation holds Monique, so every category is hers to read. */
export function moniqueInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    client,
    planDomains,
    zrmScores,
    agreements,
    consentEvents,
    handover,
    accessible: dataCategories,
    directory,
    exportedBy: person("fatima"),
    now,
    language: "nl",
    ...overrides,
  };
}

export const everythingBut = (...left: DataCategory[]): DataCategory[] => dataCategories.filter((c) => !left.includes(c));
