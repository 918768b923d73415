import { useT } from "../i18n/index.ts";
import { type AddedSince, addedSinceLine, blocksAcknowledgement } from "./added-since.ts";

/** The afspraken added since the handover was written and who keeps each, with what to do next for this side. */
export function AddedSinceNotice({
  items,
  receiving,
  receiverName,
  senderName,
  onCorrect,
}: {
  items: readonly AddedSince[];
  receiving: boolean;
  receiverName: string | null;
  senderName: string;
  onCorrect: (() => void) | null;
}) {
  const t = useT();
  if (items.length === 0) return null;
  const blocked = blocksAcknowledgement(items);
  const receiver = receiverName ?? t("handover.theReceiver");
  return (
    <div class="notice" role="status" data-testid="handover-added-since">
      <p>
        <strong>{t("handover.addedSince.title", { count: items.length })}</strong>
      </p>
      <ul>
        {items.map(({ agreement, ownerName, keeper }) => (
          <li key={agreement.id}>{t(addedSinceLine(keeper, receiving), { agreement: agreement.text, person: ownerName, receiver })}</li>
        ))}
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
