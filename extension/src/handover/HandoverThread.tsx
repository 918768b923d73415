import type { HandoverState } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import type { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { namesIn } from "./card.ts";

/** The questions and answers before acknowledging: the receiver asks, the sending side answers, while it is open. */
export function HandoverThread({
  item,
  names,
  mayWrite,
  receiving,
  run,
}: {
  item: HandoverState;
  names: ReturnType<typeof namesIn>;
  mayWrite: boolean;
  receiving: boolean;
  run: ReturnType<typeof useMutate>["run"];
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const [message, setMessage] = useState("");
  const { handover, messages } = item;

  const send = async (event: Event) => {
    event.preventDefault();
    if (await run("replyToHandover", { clientId: handover.clientId, handoverId: handover.id, id: crypto.randomUUID(), text: message })) setMessage("");
  };

  return (
    <>
      {messages.length > 0 && (
        <ol class="thread" aria-label={t("handover.thread")} data-testid="handover-thread">
          {messages.map((m) => (
            <li key={m.id}>
              <span class="meta">
                {names.person(m.by)} ({names.organisation(m.byOrganisationId)}), {formatDay(language, m.at)}:
              </span>{" "}
              {m.text}
            </li>
          ))}
        </ol>
      )}
      {mayWrite && (
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
    </>
  );
}
