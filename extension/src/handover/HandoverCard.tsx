import { type HandoverState, isWithinNaast } from "@naast/shared";
import { useContext } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { AddedSinceNotice } from "./AddedSinceNotice.tsx";
import { handoverCardFacts, namesIn, outcomeText, receiverLabel } from "./card.ts";
import { HandoverAnswer } from "./HandoverAnswer.tsx";
import { HandoverContent } from "./HandoverContent.tsx";
import { HandoverThread } from "./HandoverThread.tsx";

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
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const { handover, status, outcome } = item;
  const names = namesIn(directory);
  const { open, receiving, sending, mayCorrect, added, blocked } = handoverCardFacts(item, view, directory, session.user, may, new Date().toISOString());

  return (
    <article class={`handover handover-${status}`} data-testid="handover" data-status={status}>
      <h3>
        {t(`handover.kind.${handover.kind}`)}:{" "}
        {t("handover.fromTo", {
          from: `${names.person(handover.fromUserId)} (${names.organisation(handover.fromOrganisationId)})`,
          to: receiverLabel(handover, names, t("handover.kind.closure")),
        })}
        <span class="badge">{t(`handover.status.${status}`)}</span>
      </h3>
      <p class="meta">{t("handover.sentOn", { date: formatDay(language, handover.createdAt) })}</p>
      {outcome && <p data-testid="handover-outcome">{outcomeText(t, language, outcome, names.person)}</p>}
      <HandoverContent handover={handover} view={view} directory={directory} />
      <HandoverThread item={item} names={names} mayWrite={open && (receiving || sending)} receiving={receiving} run={run} />
      <AddedSinceNotice
        items={added}
        receiving={receiving}
        receiverName={handover.toUserId ? names.person(handover.toUserId) : null}
        senderName={names.person(handover.fromUserId)}
        onCorrect={mayCorrect ? onCorrect : null}
      />
      {open && receiving && <HandoverAnswer handover={handover} blocked={blocked} run={run} onAnswered={onAnswered} />}
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
            {t("handover.exportedBy", {
              name: names.person(e.exportedBy),
              date: formatDay(language, e.exportedAt),
              formats: e.formats.join(" + ").toUpperCase(),
            })}
          </p>
        ))}
    </article>
  );
}
