import { randomUUID } from "node:crypto";
import { type DataCategory, lifeDomains } from "@naast/shared";
import type { ApiClient } from "./api.ts";

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

/** A client with a little of everything, written by the same mutators the panel uses. */
export async function createClientWithPlan(owner: ApiClient, clientId = `client-${randomUUID()}`) {
  const ok = async (p: Promise<{ status: string; reason?: string }>) => {
    const result = await p;
    if (result.status !== "applied") throw new Error(`fixture rejected: ${result.reason}`);
  };
  await ok(owner.push("createClient", { id: clientId, alias: "Anouk", birthYear: 1991, epdClientId: null }));
  await ok(owner.push("updatePlanDomain", { clientId, domain: "housing", situation: "Slaapt in de nachtopvang.", goal: "Een eigen kamer." }));
  await ok(owner.push("recordZrmScore", { id: randomUUID(), clientId, domain: "housing", score: 2, assessedOn: "2026-11-01" }));
  await ok(owner.push("addNote", { id: randomUUID(), clientId, text: "Vertrouwelijk gesprek op straat.", correctsNoteId: null }));
  await ok(
    owner.push("addAgreement", { id: randomUUID(), clientId, domain: "housing", text: "Aanvraag kamer", ownerUserId: owner.userId, dueDate: "2026-12-01" }),
  );
  return clientId;
}

export async function grantConsent(owner: ApiClient, clientId: string, grantedTo: string[], categories: readonly DataCategory[], until = inAYear()) {
  const consentId = `consent-${randomUUID()}`;
  const result = await owner.push("recordConsent", {
    id: `${consentId}-r`,
    clientId,
    consentId,
    grantedTo,
    categories: [...categories],
    purpose: "stapteam-coordination",
    purposeNote: "",
    form: "verbal",
    validFrom: new Date(Date.now() - 1000).toISOString(),
    validUntil: until,
  });
  if (result.status !== "applied") throw new Error(`consent rejected: ${JSON.stringify(result.refusal)}`);
  return consentId;
}

export const thePlan: readonly DataCategory[] = lifeDomains;
