import { isListed } from "@naast/shared";
import { useContext } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { getRecord, listRecords } from "../records/read.ts";
import { db, type Session } from "../storage/db.ts";
import { priorityListFor } from "./priority-list.ts";

/**
 * The priority list (zorgbehoefte) as this user keeps or shares it: the procesregisseur her
 * municipality's list, a holder's worker the clients of her organisation on any list. Only what the
 * device holds, and the server delivers a mark only to that municipality and the holder.
 */
export function PriorityList({ session, directory, onOpen }: { session: Session; directory: Directory | undefined; onOpen(clientId: string): void }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  // Only the listed clients are read (and unsealed), not every client on the device: this runs again on every write.
  const data = useLiveQuery(async () => {
    const priorities = (await listRecords(db, "priorities")).filter(isListed);
    const clients = await Promise.all([...new Set(priorities.map((p) => p.clientId))].map((id) => getRecord(db, "clients", id)));
    return { priorities, clients: clients.filter((c) => c !== undefined) };
  }, []);
  if (!data) return null;
  const lines = priorityListFor(session.user, data.priorities, data.clients);
  if (lines.length === 0) return null;
  return (
    <section class="card inbox" aria-labelledby="priority-list-title" data-testid="priority-list">
      <h2 id="priority-list-title">{t("priority.listTitle", { count: lines.length })}</h2>
      <ul>
        {lines.map(({ priority, client }) => (
          <li key={priority.id} data-testid="priority-list-item">
            <button type="button" class="link" onClick={() => onOpen(client.id)}>
              {t("priority.listLine", {
                alias: client.alias,
                year: client.birthYear,
                holder: directory?.organisations.get(client.ownerOrganisationId)?.shortName ?? "?",
              })}
            </button>{" "}
            <span class="meta">
              {priority.reason} · {t("priority.since", { date: formatDay(language, priority.listedAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
