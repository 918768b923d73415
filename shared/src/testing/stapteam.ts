import { expect } from "vitest";
import type { DataCategory } from "../consent/categories.ts";
import type { RejectionCode } from "../mutators/define.ts";
import { type MutationArgs, type MutatorName, mutators } from "../mutators/registry.ts";
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

/** One valid call of every mutator, about Anna, as the tests' colleagues would make it. */
export const validArgs: { [N in MutatorName]: MutationArgs<N> } = {
  createClient: { id: "bo", alias: "Bo", birthYear: 1988, epdClientId: null },
  linkEpdRecord: { clientId: "anna", epdClientId: "LDH-2231" },
  setClientStatus: { clientId: "anna", status: "monitoring" },
  recordConsent: consentArgs({ consentId: "c9" }),
  withdrawConsent: { id: "w1", clientId: "anna", consentId: "c1", organisations: null, categories: null, reason: "Anna wil stoppen" },
  recordZrmScore: { id: "z1", clientId: "anna", domain: "housing", score: 2, assessedOn: "2024-03-04" },
  updatePlanDomain: { clientId: "anna", domain: "housing", situation: "Slaapt wisselend bij kennissen", goal: "Time-out plek" },
  addAgreement: { id: "a1", clientId: "anna", domain: "housing", text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
  setAgreementStatus: { clientId: "anna", agreementId: "a1", status: "done" },
  addNote: { id: "n1", clientId: "anna", text: "Anna op straat gesproken, wil morgen langskomen", correctsNoteId: null },
};

export async function expectRejected(mutation: Promise<unknown>, code: RejectionCode, message?: RegExp): Promise<void> {
  await expect(mutation).rejects.toMatchObject({ name: "MutationRejected", code, ...(message ? { message: expect.stringMatching(message) } : {}) });
}
