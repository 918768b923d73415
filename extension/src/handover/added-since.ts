import { type Agreement, type HandoverState, keeperOfUnnamed, type SessionUser, type UnnamedKeeper, unnamedAgreements } from "@naast/shared";
import type { MessageKey } from "../i18n/nl.ts";
import type { ClientView, Directory } from "../records/queries.ts";

/** An afspraak added after the handover was written, and who keeps it at acknowledgement. */
export interface AddedSince {
  agreement: Agreement;
  ownerName: string;
  keeper: UnnamedKeeper;
}

/**
 * What happens at acknowledgement to the afspraken added after the handover was written, told to
 * both sides before anyone acts (docs/decisions/0018-a-handover-is-never-stuck.md).
 */
export function addedSince(
  item: HandoverState,
  view: Pick<ClientView, "agreements" | "consentEvents">,
  directory: Directory,
  user: SessionUser,
  receiving: boolean,
  now: string,
): AddedSince[] {
  const { handover } = item;
  // The receiver's own device knows who she is; the sender knows her only when she was named.
  const receiver = receiving ? directory.people.get(user.id) : handover.toUserId ? directory.people.get(handover.toUserId) : null;
  const receiverOrganisation = receiving ? user.organisationId : (receiver?.organisationId ?? handover.toOrganisationId);
  if (item.status !== "open" || !receiverOrganisation) return [];
  return unnamedAgreements(handover.agreements, view.agreements).map((agreement) => {
    const owner = directory.people.get(agreement.ownerUserId);
    return {
      agreement,
      ownerName: owner?.name ?? agreement.ownerUserId,
      keeper: keeperOfUnnamed(agreement, owner, receiver, receiverOrganisation, view.consentEvents, now),
    };
  });
}

/** The receiver cannot acknowledge while an added afspraak has no one to keep it. */
export const blocksAcknowledgement = (items: readonly AddedSince[]): boolean => items.some((i) => i.keeper === "nobody");

/** The sentence for one added afspraak, as the receiver or the sender reads it. */
export const addedSinceLine = (keeper: UnnamedKeeper, receiving: boolean): MessageKey =>
  keeper === "owner"
    ? "handover.addedSince.stays"
    : keeper === "nobody"
      ? "handover.addedSince.nobody"
      : receiving
        ? "handover.addedSince.toYou"
        : "handover.addedSince.toReceiver";
