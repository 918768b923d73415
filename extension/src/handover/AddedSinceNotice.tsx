import { type HandoverState, keeperOfUnnamed, type SessionUser, unnamedAgreements } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";

/**
 * What happens at acknowledgement to the afspraken added after the handover was written, told to
 * both sides before anyone acts (docs/decisions "A handover is never stuck"). Returns whether the
 * receiver can acknowledge as it stands.
 */
export function addedSince(item: HandoverState, view: ClientView, directory: Directory, user: SessionUser, receiving: boolean) {
  const { handover } = item;
  // The receiver's own device knows who she is; the sender knows her only when she was named.
  const receiver = receiving ? directory.people.get(user.id) : handover.toUserId ? directory.people.get(handover.toUserId) : null;
  const receiverOrganisation = receiving ? user.organisationId : (receiver?.organisationId ?? handover.toOrganisationId);
  if (item.status !== "open" || !receiverOrganisation) return [];
  const now = new Date().toISOString();
  return unnamedAgreements(handover.agreements, view.agreements).map((agreement) => {
    const owner = directory.people.get(agreement.ownerUserId);
    return {
      agreement,
      ownerName: owner?.name ?? agreement.ownerUserId,
      keeper: keeperOfUnnamed(agreement, owner, receiver, receiverOrganisation, view.consentEvents, now),
    };
  });
}

export function AddedSinceNotice({
  items,
  receiving,
  receiverName,
  senderName,
  onCorrect,
}: {
  items: ReturnType<typeof addedSince>;
  receiving: boolean;
  receiverName: string | null;
  senderName: string;
  onCorrect: (() => void) | null;
}) {
  const t = useT();
  if (items.length === 0) return null;
  const blocked = items.some((i) => i.keeper === "nobody");
  const receiver = receiverName ?? t("handover.theReceiver");
  return (
    <div class="notice" role="status" data-testid="handover-added-since">
      <p>
        <strong>{t("handover.addedSince.title", { count: items.length })}</strong>
      </p>
      <ul>
        {items.map(({ agreement, ownerName, keeper }) => {
          const params = { agreement: agreement.text, person: ownerName, receiver };
          return (
            <li key={agreement.id}>
              {keeper === "owner"
                ? t("handover.addedSince.stays", params)
                : keeper === "nobody"
                  ? t("handover.addedSince.nobody", params)
                  : receiving
                    ? t("handover.addedSince.toYou", params)
                    : t("handover.addedSince.toReceiver", params)}
            </li>
          );
        })}
      </ul>
      {receiving ? (
        blocked && <p>{t("handover.addedSince.receiverMust", { sender: senderName })}</p>
      ) : (
        <p>
          {t(blocked ? "handover.addedSince.senderMust" : "handover.addedSince.senderAction")}{" "}
          {onCorrect && (
            <button type="button" class="secondary" onClick={onCorrect}>
              {t("handover.correct")}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
