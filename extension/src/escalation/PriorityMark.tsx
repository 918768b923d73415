import { isListed } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { listClientRecords } from "../records/read.ts";
import { db, type Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/**
 * Prioriteit (zorgbehoefte): whether the client is on a municipality's priority list, and why. The
 * device holds the mark only where the server delivered it (the holder and that municipality); the
 * procesregisseur puts her on and takes her off, as `mayRun` allows. No overlast ranking here.
 */
export function PriorityMark({ view, directory, session, alone = false }: { view: ClientView; directory: Directory; session: Session; alone?: boolean }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const [reason, setReason] = useState("");
  const marks = useLiveQuery(() => listClientRecords(db, "priorities", view.client.id), [view.client.id]);
  const listed = (marks ?? []).filter((p) => isListed(p));
  const about = { clientId: view.client.id };
  const mine = listed.find((p) => p.organisationId === session.user.organisationId);
  const mayMark = may("markPriority", about);
  if (listed.length === 0 && !mayMark) return null;
  const mark = (
    <div class="priority" data-testid="priority">
      {listed.map((p) => (
        <p key={p.id} class="warning" data-testid="priority-listed">
          {t("priority.listed", {
            municipality: directory.organisations.get(p.organisationId)?.shortName ?? "?",
            reason: p.reason,
            since: formatDay(language, p.listedAt),
          })}
        </p>
      ))}
      {mayMark && mine && (
        <button type="button" class="secondary" onClick={() => void run("removePriority", about)}>
          {t("priority.remove")}
        </button>
      )}
      {mayMark && !mine && (
        <details>
          <summary>{t("priority.mark")}</summary>
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              if (await run("markPriority", { ...about, reason })) setReason("");
            }}
          >
            <label>
              {t("priority.reason")}
              <input name="priority-reason" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
            <p class="hint">{t("priority.hint")}</p>
            <button type="submit">{t("priority.submit")}</button>
          </form>
        </details>
      )}
      <ErrorLine message={error} />
    </div>
  );
  // A client with no opschaling (a monitoring client, say) has no escalation section to hold the mark.
  if (!alone) return mark;
  return (
    <section class="card escalations" aria-labelledby="priority-title">
      <h2 id="priority-title">{t("priority.title")}</h2>
      {mark}
    </section>
  );
}
