import { type ClientRow, clientRows, overviewsShownNow, type SessionUser, type ToDoItem, toDo } from "@naast/shared";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { db } from "../storage/db.ts";
import { loadOverview, type OverviewData } from "./load.ts";

/** How often an open overview derives its lists again with no write: an afspraak turns overdue, a consent ends, by the clock. */
const rederiveEveryMs = 60_000;

/**
 * The overview live from IndexedDB while `enabled`, as the user may see it at `now`, the moment it was
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
  return useMemo(() => data && clientRows(data.clients, data.now), [data]);
}

/**
 * Te doen for this user, derived again only when the overview is. `urgent`: Te doen is the view
 * shown; otherwise only its count is (on the view's button), derived after the paint so that the
 * list she opened is drawn first.
 */
export function useToDo(data: (OverviewData & { now: string }) | undefined, user: SessionUser, urgent = true): ToDoItem[] | undefined {
  const derive = () => data && toDo(data.clients, { user, now: data.now, settings: data.settings, holders: data.holders });
  const deps = [data, user.id, user.organisationId, user.role];
  const now = useMemo(() => (urgent ? derive() : undefined), [urgent, ...deps]);
  const [later, setLater] = useState<ToDoItem[] | undefined>(undefined);
  useEffect(() => {
    if (urgent) return;
    const timer = setTimeout(() => setLater(derive()), 0);
    return () => clearTimeout(timer);
  }, [urgent, ...deps]);
  return urgent ? now : (later ?? now);
}
