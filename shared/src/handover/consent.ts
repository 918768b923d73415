import type { Client } from "../client/schema.ts";
import { canAccess } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { MutationRejected } from "../mutators/define.ts";
import type { LifeDomain } from "../plan/domains.ts";
import type { ReadTransaction } from "../store/transaction.ts";

/** What the client's consent lets the receiving organisation see now; holding the client counts, read-only access does not. */
function receiverMay(
  client: Pick<Client, "ownerOrganisationId">,
  consents: readonly ConsentEvent[],
  organisationId: string,
  category: DataCategory,
  now: string,
): boolean {
  if (organisationId === client.ownerOrganisationId) return true;
  const probe = { id: "receiver", organisationId, role: "casemanager" as const };
  return canAccess(probe, { ownerOrganisationId: client.ownerOrganisationId }, category, consents, now).allowed;
}

/**
 * A handover to another organisation shares the client's handover with it, so the client's
 * consent must grant that organisation the "handovers" category now. Read-only access after an
 * earlier handover does not count: only a consent (or holding the client) does.
 */
export function handoverConsentCovers(
  client: Pick<Client, "ownerOrganisationId">,
  consents: readonly ConsentEvent[],
  organisationId: string,
  now: string,
): boolean {
  return receiverMay(client, consents, organisationId, "handovers", now);
}

export async function requireHandoverConsent(
  tx: ReadTransaction,
  client: Pick<Client, "ownerOrganisationId" | "alias">,
  consents: readonly ConsentEvent[],
  organisationId: string,
  now: string,
): Promise<void> {
  if (handoverConsentCovers(client, consents, organisationId, now)) return;
  const organisation = await tx.get("organisations", organisationId);
  throw new MutationRejected("forbidden", "handover.consent-missing", { client: client.alias, organisation: organisation?.name ?? organisationId });
}

/**
 * The life domains of a handover that the receiving organisation's consent does not cover. The
 * receiver reads the handover before she acknowledges, and may decline: until then it must hold
 * nothing her organisation may not see (a client may share her housing but not her addiction care).
 */
export function domainsNotShared(
  client: Pick<Client, "ownerOrganisationId">,
  consents: readonly ConsentEvent[],
  organisationId: string,
  domains: readonly LifeDomain[],
  now: string,
): LifeDomain[] {
  return domains.filter((domain) => !receiverMay(client, consents, organisationId, domain, now));
}
