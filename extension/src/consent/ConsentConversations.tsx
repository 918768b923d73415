import { addDays, askAgainDue, type ConversationOutcome, calendarToday, conversationOutcomes, type RecordOf } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

const inDays = (days: number) => addDays(calendarToday(), days);

/**
 * The consent conversations that did not end in a yes (or only partly): when she was asked, what
 * came of it, her own words, when to ask again. Only the holder has them (visibility "holder"),
 * so only the holder sees this part; it is append-only, so it offers no edit.
 */
export function ConsentConversations({
  clientId,
  conversations,
  directory,
  mayRecord,
}: {
  clientId: string;
  conversations: RecordOf<"consentConversations">[];
  directory: Directory;
  mayRecord: boolean;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const [open, setOpen] = useState(false);
  const [askedOn, setAskedOn] = useState(calendarToday());
  const [outcome, setOutcome] = useState<ConversationOutcome>("not-yet");
  const [clientWords, setClientWords] = useState("");
  const [askAgainOn, setAskAgainOn] = useState(inDays(28));
  const due = askAgainDue(conversations, calendarToday());
  const sorted = [...conversations].sort((a, b) => (a.askedOn + a.recordedAt < b.askedOn + b.recordedAt ? -1 : 1));

  return (
    <div class="consent-conversations" data-testid="consent-conversations">
      <h3>{t("conversation.title")}</h3>
      {due?.askAgainOn && (
        <p class="warning" data-testid="ask-again">
          {t("conversation.askAgainNow", { date: formatDay(language, due.askAgainOn) })}
        </p>
      )}
      {sorted.length === 0 && <p class="hint">{t("conversation.none")}</p>}
      <ul>
        {sorted.map((c) => (
          <li key={c.id} data-testid="conversation-line">
            {t("conversation.line", {
              date: formatDay(language, c.askedOn),
              outcome: t(`conversation.outcome.${c.outcome}`),
              name: directory.people.get(c.recordedBy)?.name ?? c.recordedBy,
            })}
            {c.clientWords && <q> {c.clientWords}</q>}
            {c.askAgainOn && <span class="meta"> {t("conversation.askAgainOn", { date: formatDay(language, c.askAgainOn) })}</span>}
          </li>
        ))}
      </ul>
      {mayRecord && !open && (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t("conversation.record")}
        </button>
      )}
      {open && (
        <form
          class="conversation-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const ok = await run("recordConsentConversation", {
              id: crypto.randomUUID(),
              clientId,
              askedOn,
              outcome,
              clientWords,
              askAgainOn: askAgainOn === "" ? null : askAgainOn,
            });
            if (ok) {
              setOpen(false);
              setClientWords("");
            }
          }}
        >
          <label>
            {t("conversation.askedOn")}
            <input type="date" required max={inDays(1)} value={askedOn} onInput={(e) => setAskedOn(e.currentTarget.value)} />
          </label>
          <fieldset>
            <legend>{t("conversation.outcome")}</legend>
            {conversationOutcomes.map((o) => (
              <label class="check" key={o}>
                <input type="radio" name="conversation-outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
                {t(`conversation.outcome.${o}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t("conversation.clientWords")}
            <textarea name="conversation-words" maxLength={500} value={clientWords} onInput={(e) => setClientWords(e.currentTarget.value)} />
          </label>
          <label>
            {t("conversation.askAgain")}
            <input type="date" name="conversation-ask-again" value={askAgainOn} onInput={(e) => setAskAgainOn(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("conversation.save")}</button>
          <button type="button" class="secondary" onClick={() => setOpen(false)}>
            {t("plan.cancel")}
          </button>
          <ErrorLine message={error} />
        </form>
      )}
    </div>
  );
}
