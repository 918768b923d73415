import { type Handover, type HandoverOutcome, type HandoverState, isReceiverOf, isSenderSideOf, type MutatorName, type SessionUser } from "@naast/shared";
import type { MayArgs } from "../hooks/use-may-run.ts";
import { formatDay, type Language, type Translate } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { type AddedSince, addedSince, blocksAcknowledgement } from "./added-since.ts";

/** "May she do this?" as `useMayRun` answers it. */
type May = <N extends MutatorName>(name: N, args: MayArgs<N>) => boolean;

/** Names as a handover card shows them: a person's name, an organisation's short name; the id when the directory lacks it. */
export const namesIn = (directory: Directory) => ({
  person: (id: string) => directory.people.get(id)?.name ?? id,
  organisation: (id: string | null) => (id ? (directory.organisations.get(id)?.shortName ?? id) : ""),
});
type Names = ReturnType<typeof namesIn>;

/** Who the handover is to: "Ruben Hendriks (LDH)", an organisation, someone outside Naast, or `closure` when the client leaves with nobody named. */
export function receiverLabel(handover: Handover, names: Names, closure: string): string {
  if (handover.toUserId) return `${names.person(handover.toUserId)} (${names.organisation(handover.toOrganisationId)})`;
  if (handover.toOrganisationId) return names.organisation(handover.toOrganisationId);
  return handover.toExternal ?? closure;
}

/** "Bevestigd door Ruben Hendriks op 1 december 2026." */
export function outcomeText(t: Translate, language: Language, outcome: HandoverOutcome, person: (id: string) => string): string {
  return outcome.type === "acknowledged"
    ? t("handover.acknowledgedBy", { name: person(outcome.by), date: formatDay(language, outcome.at) })
    : t("handover.declinedBy", { name: person(outcome.by), date: formatDay(language, outcome.at), reason: outcome.reason });
}

/** What one handover card offers this user, from the shared rules. */
export interface HandoverCardFacts {
  open: boolean;
  /** She is the receiver: she asks, acknowledges or declines. */
  receiving: boolean;
  /** She is on the sending side (the writer or a colleague) and may answer. */
  sending: boolean;
  /** The sender may still correct it: open, and she may start a handover that corrects it. */
  mayCorrect: boolean;
  /** Afspraken added since it was written, told to both sides. */
  added: AddedSince[];
  /** Acknowledging is not possible as it stands. */
  blocked: boolean;
}

export function handoverCardFacts(
  item: HandoverState,
  view: Pick<ClientView, "agreements" | "consentEvents">,
  directory: Directory,
  user: SessionUser,
  may: May,
  now: string,
): HandoverCardFacts {
  const { handover } = item;
  const open = item.status === "open";
  const receiving = isReceiverOf(user, handover);
  const sending = isSenderSideOf(user, handover) && !receiving && may("replyToHandover", { clientId: handover.clientId });
  const mayCorrect = open && sending && may("startHandover", { clientId: handover.clientId, correctsHandoverId: handover.id });
  const added = receiving || sending ? addedSince(item, view, directory, user, receiving, now) : [];
  return { open, receiving, sending, mayCorrect, added, blocked: blocksAcknowledgement(added) };
}
