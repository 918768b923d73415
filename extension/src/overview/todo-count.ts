import { overviewsShownNow, toDo } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";
import { loadOverview } from "./load.ts";

/** How many Te doen items the signed-in user has, from what the device holds and she may see now; 0 when signed out. */
export async function toDoCount(db: NaastDatabase, now = new Date().toISOString()): Promise<number> {
  const session = await db.getMeta("session");
  if (!session) return 0;
  const { clients, settings, holders } = await loadOverview(db, session.user.organisationId);
  return toDo(overviewsShownNow(session.user, clients, now), { user: session.user, now, settings, holders }).length;
}
