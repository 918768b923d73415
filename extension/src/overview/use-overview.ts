import { type ClientRow, clientRow, type SessionUser, type ToDoItem, toDo } from "@naast/shared";
import { useMemo } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { db } from "../storage/db.ts";
import { loadOverview, type OverviewData } from "./load.ts";

/**
 * The overview's records, live from IndexedDB, while `enabled` (a view of the overview is open:
 * beside the EPD the panel reads only the one client); `now` is the moment they were read.
 */
export function useOverview(organisationId: string, enabled: boolean): (OverviewData & { now: string }) | undefined {
  const data = useLiveQuery(
    async () => (enabled ? { ...(await loadOverview(db, organisationId)), now: new Date().toISOString() } : null),
    [organisationId, enabled],
  );
  return data ?? undefined;
}

/** One row per client, derived again only when the records change. */
export function useClientRows(data: (OverviewData & { now: string }) | undefined): ClientRow[] | undefined {
  return useMemo(() => data?.clients.map((records) => clientRow(records, data.now)), [data]);
}

/** Te doen for this user, derived again only when the records change. */
export function useToDo(data: (OverviewData & { now: string }) | undefined, user: SessionUser): ToDoItem[] | undefined {
  return useMemo(
    () => data && toDo(data.clients, { user, now: data.now, settings: data.settings, holders: data.holders }),
    [data, user.id, user.organisationId, user.role],
  );
}
