import { mayOwnAgreements } from "../agreement/mutators.ts";
import type { Agreement } from "../agreement/schema.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { MutationRejected } from "../mutators/define.ts";
import type { Person } from "../organisation/schema.ts";
import type { ReadTransaction, WriteTransaction } from "../store/transaction.ts";
import type { CarriedAgreement } from "./schema.ts";

/**
 * Checks what a handover does with the client's open agreements, as if `ownerOrganisationId`
 * held her: each entry names an open agreement of hers, once; each open agreement of hers has an
 * entry (a handover leaves no agreement without an owner); and each new owner is an active
 * colleague whose organisation may keep the agreement up (holding the client, or by consent).
 * Returns the new owners, for `applyCarriedAgreements`.
 */
export async function checkCarriedAgreements(
  tx: ReadTransaction,
  clientId: string,
  entries: readonly CarriedAgreement[],
  ownerOrganisationId: string,
  consents: readonly ConsentEvent[],
  now: string,
): Promise<Map<string, Person>> {
  const open = new Map((await tx.listByClient("agreements", clientId)).filter((a) => a.status === "open").map((a) => [a.id, a]));
  const seen = new Set<string>();
  const owners = new Map<string, Person>();
  for (const entry of entries) {
    const agreement = open.get(entry.agreementId);
    if (seen.has(entry.agreementId)) throw new MutationRejected("invalid", "handover.agreement-twice", { agreement: agreement?.text ?? "" });
    seen.add(entry.agreementId);
    if (!agreement)
      throw new MutationRejected("invalid", "handover.agreement-not-open", { agreement: (await tx.get("agreements", entry.agreementId))?.text ?? "" });
    if (entry.action !== "carry") continue;
    const owner = await tx.get("people", entry.newOwnerUserId);
    if (!owner?.active) throw new MutationRejected("invalid", "handover.agreement-owner-inactive", { agreement: agreement.text, person: owner?.name ?? "" });
    if (!mayOwnAgreements(owner, { ownerOrganisationId }, consents, now, agreement.domain)) {
      const organisation = await tx.get("organisations", owner.organisationId);
      throw new MutationRejected("invalid", "handover.agreement-owner-no-access", {
        agreement: agreement.text,
        person: owner.name,
        organisation: organisation?.name ?? owner.organisationId,
      });
    }
    owners.set(owner.id, owner);
  }
  const missing = [...open.values()].filter((a) => !seen.has(a.id));
  if (missing.length > 0) {
    throw new MutationRejected("invalid", "handover.agreements-undecided", { agreements: missing.map((a) => a.text), count: missing.length });
  }
  return owners;
}

/**
 * Carries the agreements over to their new owners, or closes them (as decided by the handover's
 * writer, `decidedBy`, at the moment it takes effect). Agreements closed since are left alone.
 */
export async function applyCarriedAgreements(
  tx: WriteTransaction,
  clientId: string,
  entries: readonly CarriedAgreement[],
  owners: ReadonlyMap<string, Person>,
  decidedBy: string,
  now: string,
): Promise<void> {
  for (const entry of entries) {
    const agreement = await tx.get("agreements", entry.agreementId);
    if (!agreement || agreement.clientId !== clientId || agreement.status !== "open") continue;
    let next: Agreement;
    if (entry.action === "carry") {
      const owner = owners.get(entry.newOwnerUserId);
      if (!owner) throw new Error(`applyCarriedAgreements: unchecked owner ${entry.newOwnerUserId}`);
      next = { ...agreement, ownerUserId: owner.id, ownerOrganisationId: owner.organisationId };
    } else {
      next = { ...agreement, status: entry.action, closedAt: now, closedBy: decidedBy };
    }
    await tx.put("agreements", next);
  }
}

/**
 * At acknowledgement, with `ownerOrganisationId` about to hold the client: the agreements may
 * have changed since the handover was written. Entries for agreements closed since are skipped;
 * each new owner must still be active and allowed; and an open agreement the handover does not
 * name (added or reopened since) may stay only with an owner who can still keep it up,
 * otherwise the sender must correct the handover first. Returns the new owners.
 */
export async function recheckCarriedAgreements(
  tx: ReadTransaction,
  clientId: string,
  entries: readonly CarriedAgreement[],
  ownerOrganisationId: string,
  consents: readonly ConsentEvent[],
  now: string,
): Promise<Map<string, Person>> {
  const open = (await tx.listByClient("agreements", clientId)).filter((a) => a.status === "open");
  const named = new Map(entries.map((e) => [e.agreementId, e]));
  const owners = new Map<string, Person>();
  for (const agreement of open) {
    const entry = named.get(agreement.id);
    if (entry && entry.action !== "carry") continue;
    const ownerId = entry?.action === "carry" ? entry.newOwnerUserId : agreement.ownerUserId;
    const owner = await tx.get("people", ownerId);
    if (!owner?.active || !mayOwnAgreements(owner, { ownerOrganisationId }, consents, now, agreement.domain)) {
      const params = { agreement: agreement.text, person: owner?.name ?? "" };
      throw new MutationRejected("conflict", entry ? "handover.agreement-cannot-go" : "handover.agreement-added-since", params);
    }
    if (entry) owners.set(owner.id, owner);
  }
  return owners;
}
