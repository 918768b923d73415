import { type HandoverState, handoversAwaiting, type RecordOf, type SessionUser } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";

const all = async <C extends "handovers" | "handoverEvents" | "clients">(db: NaastDatabase, collection: C) =>
  (await db.records.where("collection").equals(collection).toArray()).map((r) => r.data as RecordOf<C>);

/** Open handovers this user is to acknowledge (hers, or her organisation's), with the client's alias. */
export async function awaitingHandovers(db: NaastDatabase, user: SessionUser): Promise<(HandoverState & { alias: string })[]> {
  const [handovers, events, clients] = await Promise.all([all(db, "handovers"), all(db, "handoverEvents"), all(db, "clients")]);
  const aliases = new Map(clients.map((c) => [c.id, c.alias]));
  return handoversAwaiting(user, handovers, events).map((state) => ({ ...state, alias: aliases.get(state.handover.clientId) ?? "?" }));
}
