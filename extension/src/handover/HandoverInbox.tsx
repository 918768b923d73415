import { useContext } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { db, type Session } from "../storage/db.ts";
import { awaitingHandovers } from "./awaiting.ts";

/**
 * Handovers waiting for this user, whichever client is open in the EPD: the receiver may not
 * have linked the client to her own EPD yet, so she opens her from here.
 */
export function HandoverInbox({ session, directory, onOpen }: { session: Session; directory: Directory | undefined; onOpen(clientId: string): void }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const waiting = useLiveQuery(() => awaitingHandovers(db, session.user), [session.user.id]);
  if (!waiting || waiting.length === 0) return null;
  return (
    <section class="card inbox" aria-labelledby="inbox-title" data-testid="handover-inbox">
      <h2 id="inbox-title">{t("handover.inbox", { count: waiting.length })}</h2>
      <ul>
        {waiting.map(({ handover, alias }) => (
          <li key={handover.id}>
            <button type="button" class="link" onClick={() => onOpen(handover.clientId)}>
              {t("handover.inboxLine", {
                alias,
                from: directory?.people.get(handover.fromUserId)?.name ?? handover.fromUserId,
                date: formatDay(language, handover.createdAt),
              })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
