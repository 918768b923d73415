import { type ClientRow, clientRow, overviewsShownNow, type SessionUser, type ToDoItem, toDo } from "@naast/shared";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { db } from "../storage/db.ts";
import { loadOverview, type OverviewData } from "./load.ts";

/** How often an open overview derives its lists again with no write: an afspraak turns overdue, a consent ends, by the clock. */
const rederiveEveryMs = 60_000;

/**
 * The overview live from IndexedDB while `enabled` (a view of the overview is open: beside the EPD
 * the panel reads only the one client), as the user may see it at `now`, the moment it was
 * derived: again at every change and every minute, so a consent that ended while the device was
 * offline takes her out of every list and count at once (overviewsShownNow), not at the next pull.
 */
export function useOverview(user: SessionUser, enabled: boolean): (OverviewData & { now: string }) | undefined {
  const data = useLiveQuery(async () => (enabled ? await loadOverview(db, user.organisationId) : null), [user.organisationId, enabled]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => setTick((n) => n + 1), rederiveEveryMs);
    return () => clearInterval(timer);
  }, [enabled]);
  return useMemo(() => {
    if (!data) return undefined;
    const now = new Date().toISOString();
    return { ...data, clients: overviewsShownNow(user, data.clients, now), now };
  }, [data, tick, user.id, user.organisationId, user.role]);
}

/** One row per client, derived again only when the overview is. */
export function useClientRows(data: (OverviewData & { now: string }) | undefined): ClientRow[] | undefined {
  return useMemo(() => data?.clients.map((records) => clientRow(records, data.now)), [data]);
}

/** Te doen for this user, derived again only when the overview is. */
export function useToDo(data: (OverviewData & { now: string }) | undefined, user: SessionUser): ToDoItem[] | undefined {
  return useMemo(
    () => data && toDo(data.clients, { user, now: data.now, settings: data.settings, holders: data.holders }),
    [data, user.id, user.organisationId, user.role],
  );
}
