import { expect } from "vitest";
import type { DataCategory } from "../consent/categories.ts";
import type { RejectionKind } from "../mutators/define.ts";
import { type MutationArgs, type MutatorName, mutators } from "../mutators/registry.ts";
import type { RefusalCode } from "../refusal/refusal.ts";
import { acting, day, organisations, people } from "./fixtures.ts";
import { MemoryStore } from "./memory-store.ts";

/**
 * The Stapteam's store on day 0: the organisations, the colleagues, and Anna, whom Fatima
 * (Iriszorg) has just created from her EPD record IZ-10442.
 */
export async function stapteam(options: { transactional?: boolean } = {}): Promise<MemoryStore> {
  const store = new MemoryStore(options).seed("organisations", ...Object.values(organisations)).seed("people", ...Object.values(people));
  await store.run(mutators.createClient, { id: "anna", alias: "Anna", birthYear: 1991, epdClientId: "IZ-10442" }, acting("fatima"));
  return store;
}

/** Anna consents, with Fatima on day 0 and for a year, to share these categories with LDH. */
export function shareWithLdh(store: MemoryStore, categories: DataCategory[], consentId = "c1") {
  return store.run(mutators.recordConsent, consentArgs({ consentId, categories }), acting("fatima"));
}

export function consentArgs(overrides: Partial<MutationArgs<"recordConsent">> = {}): MutationArgs<"recordConsent"> {
  const consentId = overrides.consentId ?? "c1";
  return {
    id: `${consentId}-recorded`,
    clientId: "anna",
    consentId,
    grantedTo: ["ldh"],
    categories: ["housing"],
    purpose: "stapteam-coordination",
    purposeNote: "Afstemming in het Stapteam over wonen",
    form: "written",
    validFrom: day(0),
    validUntil: day(365),
    ...overrides,
  };
}

/**
 * A handover of Anna, by default to "anyone of Iriszorg" with no open agreements: each test
 * names the receiver and the agreements it needs.
 */
export function handoverArgs(overrides: Partial<MutationArgs<"startHandover">> = {}): MutationArgs<"startHandover"> {
  return {
    id: "h1",
    clientId: "anna",
    kind: "organisation",
    toUserId: null,
    toOrganisationId: "iriszorg",
    toExternal: null,
    domains: [{ domain: "housing", score: 2, situation: "Slaapt wisselend bij kennissen" }],
    risks: "Raakt snel uit beeld als afspraken niet doorgaan.",
    whatWorks: "Lange adem; outreachend, op straat afspreken.",
    network: [{ name: "Moeder", role: "familie", reachableAt: "via Anna" }],
    agreements: [],
    text: "",
    // About housing, which every test's receiver may see; "algemeen" needs the whole plan.
    sectionDomains: { risks: "housing", whatWorks: "housing", text: null },
    correctsHandoverId: null,
    ...overrides,
  };
}

/** One valid call of every mutator, about Anna, as the tests' colleagues would make it. */
export const validArgs: { [N in MutatorName]: MutationArgs<N> } = {
  createClient: { id: "bo", alias: "Bo", birthYear: 1988, epdClientId: null },
  linkEpdRecord: { clientId: "anna", epdClientId: "LDH-2231" },
  setClientStatus: { clientId: "anna", status: "monitoring" },
  recordConsent: consentArgs({ consentId: "c9" }),
  withdrawConsent: { id: "w1", clientId: "anna", consentId: "c1", organisations: null, categories: null, reason: "Anna wil stoppen" },
  recordConsentConversation: {
    id: "cc1",
    clientId: "anna",
    askedOn: "2024-03-04",
    outcome: "not-yet",
    clientWords: "Ik wil er eerst over nadenken",
    askAgainOn: "2024-04-04",
  },
  recordZrmScore: { id: "z1", clientId: "anna", domain: "housing", score: 2, assessedOn: "2024-03-04" },
  updatePlanDomain: { clientId: "anna", domain: "housing", situation: "Slaapt wisselend bij kennissen", goal: "Time-out plek" },
  addAgreement: { id: "a1", clientId: "anna", domain: "housing", text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
  setAgreementStatus: { clientId: "anna", agreementId: "a1", status: "done" },
  updateAgreement: { clientId: "anna", agreementId: "a1", text: "Samen aanmelden time-out", dueDate: "2024-03-18", ownerUserId: "joost" },
  addNote: {
    id: "n1",
    clientId: "anna",
    text: "Anna op straat gesproken, wil morgen langskomen",
    correctsNoteId: null,
    contactAt: "2024-03-03T22:30:00.000Z",
    contactType: "street",
    noShow: false,
  },
  startHandover: handoverArgs(),
  replyToHandover: { id: "hm1", clientId: "anna", handoverId: "h1", text: "Weet Anna dat ze een nieuwe casemanager krijgt?" },
  acknowledgeHandover: { id: "ha1", clientId: "anna", handoverId: "h1" },
  declineHandover: { id: "hd1", clientId: "anna", handoverId: "h1", reason: "Geen ruimte in mijn caseload" },
  recordHandoverExport: { id: "x1", clientId: "anna", handoverId: "h1", formats: ["pdf", "fhir"], categories: ["handovers", "housing"] },
  endReadOnlyAccess: { clientId: "anna", organisationId: "ldh" },
  setFlexbudget: { year: 2024, holderOrganisationId: "iriszorg", amountCents: 100_000, periodStart: "2024-01-01", periodEnd: "2024-12-31" },
  closeFlexbudgetYear: { year: 2024, holderOrganisationId: "iriszorg" },
  recordFlexExpense: {
    id: "e1",
    clientId: "anna",
    day: "2024-03-04",
    amountCents: 4_995,
    purpose: "clothing",
    description: "Winterjas",
    receiptReference: "bon 2024-031",
    askApprovalOverBudget: false,
  },
  reverseFlexExpense: { id: "e1-storno", clientId: "anna", expenseId: "e1", reason: "Dubbel ingevoerd" },
  decideOverBudgetExpense: { id: "e2-decision", clientId: "anna", expenseId: "e2", approved: true, note: "" },
  setTimeoutSettings: { year: 2024, holderOrganisationId: "iriszorg", dayRateCents: 13_927, trajectoriesPerYear: 6 },
  requestTimeoutStay: {
    id: "t1",
    clientId: "anna",
    reason: "Even weg van de zone om tot rust te komen",
    proposedStart: "2024-03-05",
    proposedEnd: "2024-03-12",
  },
  decideTimeoutStay: { id: "t1-decided", clientId: "anna", stayId: "t1", approved: true, note: "" },
  startTimeoutStay: { id: "t1-started", clientId: "anna", stayId: "t1", day: "2024-03-05", location: "Iriszorg, Hulsen" },
  endTimeoutStay: { id: "t1-ended", clientId: "anna", stayId: "t1", day: "2024-03-11" },
  escalate: escalateArgs(),
  takeUpEscalation: { clientId: "anna", escalationId: "o1" },
  recordEscalationDiscussed: { clientId: "anna", escalationId: "o1", discussedOn: "2024-03-04" },
  answerEscalation: {
    clientId: "anna",
    escalationId: "o1",
    outcome: "resolved",
    answer: "Woningcorporatie gebeld: Anna krijgt voorrang op een kamer.",
    decisions: [{ text: "Urgentieaanvraag indienen", agreementId: "o1-a1", ownerUserId: "fatima", dueDate: "2024-03-18" }],
  },
  markEscalationAnswerRead: { clientId: "anna", escalationId: "o1" },
  setEscalationSettings: { organisationId: "gemeente", responseWorkingDays: 5 },
  markPriority: { clientId: "anna", reason: "Slaapt buiten; zorgmijdend" },
  removePriority: { clientId: "anna" },
  setOverviewSettings: { organisationId: "iriszorg", noContactDays: 21 },
};

/** Fatima escalates Anna's housing to the Gemeente's procesregisseur, on the covenant unless told otherwise. */
export function escalateArgs(overrides: Partial<MutationArgs<"escalate">> = {}): MutationArgs<"escalate"> {
  return {
    id: "o1",
    clientId: "anna",
    municipalityOrganisationId: "gemeente",
    domain: "housing",
    problem: "Geen passende woonplek",
    tried: "Drie keer aangemeld bij de nachtopvang; twee woningcorporaties gebeld.",
    question: "Kan de gemeente voorrang regelen bij een woningcorporatie?",
    urgency: "high",
    basis: "covenant",
    covenantReason: "Acute dakloosheid, Anna wil nog niet tekenen; casus in het ZVH-convenant.",
    fromAgreementId: null,
    ...overrides,
  };
}

export type ExpectedRefusal = { code: RefusalCode; params?: Record<string, unknown> };

/** The mutation is refused with this kind and, when given, this refusal code and (some of) its parameters. */
export async function expectRejected(
  mutation: Promise<unknown>,
  kind: RejectionKind,
  refusal?: RefusalCode | ExpectedRefusal,
  params?: Record<string, unknown>,
): Promise<void> {
  const expected = typeof refusal === "string" ? { code: refusal, params } : refusal;
  await expect(mutation).rejects.toMatchObject({
    name: "MutationRejected",
    kind,
    ...(expected ? { refusal: { code: expected.code, ...(expected.params ? { params: expect.objectContaining(expected.params) } : {}) } } : {}),
  });
}
