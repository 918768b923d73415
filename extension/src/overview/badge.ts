import { liveQuery } from "dexie";
import type { NaastDatabase } from "../storage/db.ts";
import { toDoCount } from "./todo-count.ts";

/**
 * The count of Te doen on the toolbar icon (handovers to acknowledge among them), kept up to date
 * from the local database, so she sees it without opening the panel. Only a number: no client data.
 */
export function showToDoCountOnIcon(db: NaastDatabase): () => void {
  const action = browser.action ?? browser.browserAction;
  const subscription = liveQuery(() => toDoCount(db)).subscribe({
    next: (count) => {
      void action?.setBadgeText({ text: count > 0 ? String(count) : "" });
      void action?.setBadgeBackgroundColor({ color: "#a4161a" });
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
