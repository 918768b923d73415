import { type HandoverOutcome, type HandoverState, isReceiverOf, isSenderSideOf, isWithinNaast } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { undoSeconds, useUndoable } from "../hooks/use-undoable.ts";
import { formatDay, type Language, LanguageContext, type Translate, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { UndoBar } from "../ui/UndoBar.tsx";
import { AddedSinceNotice, addedSince } from "./AddedSinceNotice.tsx";
import { HandoverContent } from "./HandoverContent.tsx";

/** "Bevestigd door Ruben Hendriks op 1 december 2026." */
export function outcomeText(t: Translate, language: Language, outcome: HandoverOutcome, person: (id: string) => string): string {
  return outcome.type === "acknowledged"
    ? t("handover.acknowledgedBy", { name: person(outcome.by), date: formatDay(language, outcome.at) })
    : t("handover.declinedBy", { name: person(outcome.by), date: formatDay(language, outcome.at), reason: outcome.reason });
}

/**
 * One handover as both sides see it: what was written, the questions and answers, and what the
 * receiver did with it. The receiver acknowledges, asks, or declines; the sender answers.
 */
export function HandoverCard({
  item,
  view,
  directory,
  session,
  onCorrect,
  onExport,
  onAnswered = () => undefined,
}: {
  item: HandoverState;
  view: ClientView;
  directory: Directory;
  session: Session;
  onCorrect(): void;
  onExport(): void;
  /** She acknowledged or declined it here. */
  onAnswered?: () => void;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const { pending, schedule, undo } = useUndoable();
  const [message, setMessage] = useState("");
  const [declining, setDeclining] = useState(false);

  const [reason, setReason] = useState("");
  const { handover, status, messages, outcome } = item;
  const person = (id: string) => directory.people.get(id)?.name ?? id;
  const organisation = (id: string | null) => (id ? (directory.organisations.get(id)?.shortName ?? id) : "");
  const receiving = isReceiverOf(session.user, handover);
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const sending = isSenderSideOf(session.user, handover) && !receiving && may("replyToHandover", { clientId: handover.clientId });
  const open = status === "open";
  const to = handover.toUserId
    ? `${person(handover.toUserId)} (${organisation(handover.toOrganisationId)})`
    : handover.toOrganisationId
      ? organisation(handover.toOrganisationId)
      : (handover.toExternal ?? t("handover.kind.closure"));
  const base = { clientId: handover.clientId, handoverId: handover.id };
  const mayCorrect = open && sending && may("startHandover", { clientId: handover.clientId, correctsHandoverId: handover.id });
  const added = receiving || sending ? addedSince(item, view, directory, session.user, receiving) : [];
  const blocked = added.some((a) => a.keeper === "nobody");

  const send = async (event: Event) => {
    event.preventDefault();
    if (await run("replyToHandover", { ...base, id: crypto.randomUUID(), text: message })) setMessage("");
  };

  return (
    <article class={`handover handover-${status}`} data-testid="handover" data-status={status}>
      <h3>
        {t(`handover.kind.${handover.kind}`)}:{" "}
        {t("handover.fromTo", { from: `${person(handover.fromUserId)} (${organisation(handover.fromOrganisationId)})`, to })}
        <span class="badge">{t(`handover.status.${status}`)}</span>
      </h3>
      <p class="meta">{t("handover.sentOn", { date: formatDay(language, handover.createdAt) })}</p>
      {outcome && <p data-testid="handover-outcome">{outcomeText(t, language, outcome, person)}</p>}
      <HandoverContent handover={handover} view={view} directory={directory} />

      {messages.length > 0 && (
        <ol class="thread" aria-label={t("handover.thread")} data-testid="handover-thread">
          {messages.map((m) => (
            <li key={m.id}>
              <span class="meta">
                {person(m.by)} ({organisation(m.byOrganisationId)}), {formatDay(language, m.at)}:
              </span>{" "}
              {m.text}
            </li>
          ))}
        </ol>
      )}

      {open && (receiving || sending) && (
        <form onSubmit={send}>
          <label>
            {receiving ? t("handover.ask") : t("handover.answer")}
            <textarea name="handover-message" required maxLength={500} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
          </label>
          <button type="submit" class="secondary">
            {t("handover.sendMessage")}
          </button>
        </form>
      )}
      <AddedSinceNotice
        items={added}
        receiving={receiving}
        receiverName={handover.toUserId ? person(handover.toUserId) : null}
        senderName={person(handover.fromUserId)}
        onCorrect={mayCorrect ? onCorrect : null}
      />
      {open && receiving && !declining && (
        <div>
          <button
            type="button"
            disabled={blocked}
            onClick={async () => {
              if (await run("acknowledgeHandover", { ...base, id: crypto.randomUUID() })) onAnswered();
            }}
          >
            {t("handover.acknowledge")}
          </button>
          <button type="button" class="secondary" onClick={() => setDeclining(true)}>
            {t("handover.decline")}
          </button>
        </div>
      )}
      {open && receiving && declining && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            schedule(t("handover.declineUndo", { seconds: undoSeconds }), async () => {
              if (await run("declineHandover", { ...base, id: crypto.randomUUID(), reason })) {
                setDeclining(false);
                onAnswered();
              }
            });
          }}
        >
          <label>
            {t("handover.declineReason")}
            <textarea name="handover-decline-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <UndoBar message={pending} onUndo={undo} />
          {!pending && (
            <>
              <button type="submit">{t("handover.decline")}</button>
              <button type="button" class="secondary" onClick={() => setDeclining(false)}>
                {t("plan.cancel")}
              </button>
            </>
          )}
        </form>
      )}
      {/* A refusal shows next to the buttons that caused it, not at the foot of a long card. */}
      <ErrorLine message={error} />
      {mayCorrect && (
        <button type="button" class="secondary" onClick={onCorrect}>
          {t("handover.correct")}
        </button>
      )}
      {!isWithinNaast(handover.kind) && (
        <button type="button" class="secondary" onClick={onExport}>
          {t("handover.export")}
        </button>
      )}
      {view.handoverExports
        .filter((e) => e.handoverId === handover.id)
        .map((e) => (
          <p key={e.id} class="meta" data-testid="handover-export">
            {t("handover.exportedBy", { name: person(e.exportedBy), date: formatDay(language, e.exportedAt), formats: e.formats.join(" + ").toUpperCase() })}
          </p>
        ))}
    </article>
  );
}
