import { agreementOwnerRoles, mayOwnAgreements } from "../agreement/mutators.ts";
import type { Agreement } from "../agreement/schema.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { MutationRejected } from "../mutators/define.ts";
import type { Person } from "../organisation/schema.ts";
import type { ReadTransaction, WriteTransaction } from "../store/transaction.ts";
import type { AgreementDecision } from "./schema.ts";

/**
 * Checks what a handover does with the client's open agreements, as if `ownerOrganisationId`
 * held her: each decision names an open agreement of hers, once; each open agreement of hers has a
 * decision (a handover leaves no agreement without an owner); and each new owner is an active
 * colleague whose organisation may keep the agreement up (holding the client, or by consent).
 * Returns the new owners, for `applyAgreementDecisions`.
 */
export async function checkAgreementDecisions(
  tx: ReadTransaction,
  clientId: string,
  decisions: readonly AgreementDecision[],
  ownerOrganisationId: string,
  consents: readonly ConsentEvent[],
  now: string,
): Promise<Map<string, Person>> {
  const open = new Map((await tx.listByClient("agreements", clientId)).filter((a) => a.status === "open").map((a) => [a.id, a]));
  const seen = new Set<string>();
  const owners = new Map<string, Person>();
  for (const decision of decisions) {
    const agreement = open.get(decision.agreementId);
    if (seen.has(decision.agreementId)) throw new MutationRejected("invalid", "handover.agreement-twice", { agreement: agreement?.text ?? "" });
    seen.add(decision.agreementId);
    if (!agreement)
      throw new MutationRejected("invalid", "handover.agreement-not-open", { agreement: (await tx.get("agreements", decision.agreementId))?.text ?? "" });
    if (decision.action !== "carry") continue;
    const owner = await tx.get("people", decision.newOwnerUserId);
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
export async function applyAgreementDecisions(
  tx: WriteTransaction,
  clientId: string,
  decisions: readonly AgreementDecision[],
  owners: ReadonlyMap<string, Person>,
  decidedBy: string,
  now: string,
): Promise<void> {
  for (const decision of decisions) {
    const agreement = await tx.get("agreements", decision.agreementId);
    if (!agreement || agreement.clientId !== clientId || agreement.status !== "open") continue;
    let next: Agreement;
    if (decision.action === "carry") {
      const owner = owners.get(decision.newOwnerUserId);
      if (!owner) throw new Error(`applyAgreementDecisions: unchecked owner ${decision.newOwnerUserId}`);
      next = { ...agreement, ownerUserId: owner.id, ownerOrganisationId: owner.organisationId };
    } else {
      next = { ...agreement, status: decision.action, closedAt: now, closedBy: decidedBy };
    }
    await tx.put("agreements", next);
  }
}

/** Who keeps an open agreement the handover does not name, once the receiver's organisation holds the client. */
export type UnnamedKeeper = "owner" | "receiver" | "nobody";

/**
 * An agreement added (or reopened) after the handover was written: it stays with its owner when
 * she can still keep it up; otherwise the receiver takes it over with the client, as a team
 * expects of whoever takes the client on ("A handover is never stuck" in docs/decisions);
 * "nobody" only when the receiver cannot own agreements either, and then the sender must
 * correct the handover. `receiver` is unknown (null) before a handover to an organisation is taken.
 */
export function keeperOfUnnamed(
  agreement: Pick<Agreement, "domain">,
  owner: Person | undefined,
  receiver: Person | null | undefined,
  ownerOrganisationId: string,
  consents: readonly ConsentEvent[],
  now: string,
): UnnamedKeeper {
  const client = { ownerOrganisationId };
  if (owner?.active && mayOwnAgreements(owner, client, consents, now, agreement.domain)) return "owner";
  if (receiver === null) return "receiver";
  if (receiver?.active && agreementOwnerRoles.includes(receiver.role) && mayOwnAgreements(receiver, client, consents, now, agreement.domain)) return "receiver";
  return "nobody";
}

/** The open agreements a handover does not name: added or reopened since it was written. */
export const unnamedAgreements = <A extends Pick<Agreement, "id" | "status">>(decisions: readonly AgreementDecision[], agreements: readonly A[]): A[] => {
  const named = new Set(decisions.map((e) => e.agreementId));
  return agreements.filter((a) => a.status === "open" && !named.has(a.id));
};

/**
 * At acknowledgement, with `receiver`'s organisation about to hold the client: the agreements
 * may have changed since the handover was written. Entries for agreements closed since are
 * skipped; each new owner must still be active and allowed; and an open agreement the handover
 * does not name stays with its owner or goes to the receiver (`keeperOfUnnamed`), and is refused
 * only when neither can keep it up. Returns the new owners and the decisions to apply, the
 * receiver's taken-over agreements included.
 */
export async function recheckAgreementDecisions(
  tx: ReadTransaction,
  clientId: string,
  decisions: readonly AgreementDecision[],
  receiver: Person,
  consents: readonly ConsentEvent[],
  now: string,
): Promise<{ owners: Map<string, Person>; decisions: AgreementDecision[] }> {
  const ownerOrganisationId = receiver.organisationId;
  const agreements = await tx.listByClient("agreements", clientId);
  const owners = new Map<string, Person>();
  for (const decision of decisions) {
    if (decision.action !== "carry") continue;
    const agreement = agreements.find((a) => a.id === decision.agreementId);
    if (agreement?.status !== "open") continue;
    const owner = await tx.get("people", decision.newOwnerUserId);
    if (!owner?.active || !mayOwnAgreements(owner, { ownerOrganisationId }, consents, now, agreement.domain)) {
      throw new MutationRejected("conflict", "handover.agreement-cannot-go", { agreement: agreement.text, person: owner?.name ?? "" });
    }
    owners.set(owner.id, owner);
  }
  const taken: AgreementDecision[] = [];
  for (const agreement of unnamedAgreements(decisions, agreements)) {
    const owner = await tx.get("people", agreement.ownerUserId);
    const keeper = keeperOfUnnamed(agreement, owner, receiver, ownerOrganisationId, consents, now);
    if (keeper === "nobody") throw new MutationRejected("conflict", "handover.agreement-added-since", { agreement: agreement.text, person: owner?.name ?? "" });
    if (keeper === "receiver") {
      owners.set(receiver.id, receiver);
      taken.push({ agreementId: agreement.id, action: "carry", newOwnerUserId: receiver.id });
    }
  }
  return { owners, decisions: [...decisions, ...taken] };
}
