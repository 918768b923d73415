import { liveQuery } from "dexie";
import type { NaastDatabase } from "../storage/db.ts";
import { awaitingHandovers } from "./awaiting.ts";

/**
 * The count of handovers to acknowledge on the toolbar icon, kept up to date from the local
 * database, so a receiver sees it without opening the panel. Only a number: no client data.
 */
export function showAwaitingCountOnIcon(db: NaastDatabase): () => void {
  const action = browser.action ?? browser.browserAction;
  const subscription = liveQuery(async () => {
    const session = await db.getMeta("session");
    return session ? (await awaitingHandovers(db, session.user)).length : 0;
  }).subscribe({
    next: (count) => {
      void action?.setBadgeText({ text: count > 0 ? String(count) : "" });
      void action?.setBadgeBackgroundColor({ color: "#a4161a" });
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
