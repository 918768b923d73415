import { liveQuery } from "dexie";
import type { NaastDatabase } from "../storage/db.ts";
import { summariseMissing } from "./summaries.ts";
import { toDoCount } from "./todo-count.ts";

/** How often the badge counts again with no write (a day turning makes afspraken overdue). */
const recountEveryMs = 60_000;

/**
 * The count of Te doen on the toolbar icon (handovers to acknowledge among them), kept up to date
 * from the local database, so she sees it without opening the panel. Only a number: no client data.
 * It reads the clients' summaries, as the panel does, and only those that changed since it last did.
 */
export function showToDoCountOnIcon(db: NaastDatabase): () => void {
  const action = browser.action ?? browser.browserAction;
  // A database from before summaries gets them now rather than at the next pull (locked: the pull will).
  void db.transaction("rw", db.records, db.clientSummaries, () => summariseMissing(db)).catch(() => undefined);
  const show = (count: number) => {
    void action?.setBadgeText({ text: count > 0 ? String(count) : "" });
    void action?.setBadgeBackgroundColor({ color: "#a4161a" });
  };
  const subscription = liveQuery(() => toDoCount(db)).subscribe({ next: show, error: () => undefined });
  // No write happens when an afspraak turns overdue or a consent ends: count again by the clock.
  const timer = setInterval(() => void toDoCount(db).then(show, () => undefined), recountEveryMs);
  return () => {
    subscription.unsubscribe();
    clearInterval(timer);
  };
}
