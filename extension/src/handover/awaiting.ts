import { type HandoverState, handoversAwaiting, type SessionUser } from "@naast/shared";
import { listRecords } from "../records/read.ts";
import type { NaastDatabase } from "../storage/db.ts";

/** Open handovers this user is to acknowledge (hers, or her organisation's), with the client's alias. */
export async function awaitingHandovers(db: NaastDatabase, user: SessionUser): Promise<(HandoverState & { alias: string })[]> {
  const [handovers, events, clients] = await Promise.all([listRecords(db, "handovers"), listRecords(db, "handoverEvents"), listRecords(db, "clients")]);
  const aliases = new Map(clients.map((c) => [c.id, c.alias]));
  return handoversAwaiting(user, handovers, events).map((state) => ({ ...state, alias: aliases.get(state.handover.clientId) ?? "?" }));
}
