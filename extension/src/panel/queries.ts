import { type CollectionName, epdLinkId, type RecordOf } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";

async function ofClient<C extends CollectionName>(db: NaastDatabase, collection: C, clientId: string): Promise<RecordOf<C>[]> {
  const rows = await db.records.where("[collection+clientId]").equals([collection, clientId]).toArray();
  return rows.map((r) => r.data as RecordOf<C>);
}

async function all<C extends CollectionName>(db: NaastDatabase, collection: C): Promise<RecordOf<C>[]> {
  const rows = await db.records.where("collection").equals(collection).toArray();
  return rows.map((r) => r.data as RecordOf<C>);
}

export type LinkState =
  | { kind: "unlinked" }
  | { kind: "hidden"; clientId: string; reason: string; since: string | null }
  | { kind: "visible"; clientId: string };

/** Which shared client the EPD id stands for, from this device's point of view. */
export async function findLinkedClient(db: NaastDatabase, organisationId: string, epdClientId: string): Promise<LinkState> {
  const link = await db.records.get(["epdLinks", epdLinkId(organisationId, epdClientId)]);
  if (!link) return { kind: "unlinked" };
  const clientId = (link.data as RecordOf<"epdLinks">).clientId;
  if (await db.records.get(["clients", clientId])) return { kind: "visible", clientId };
  const hidden = await db.hiddenClients.get(clientId);
  return { kind: "hidden", clientId, reason: hidden?.reason ?? "no-consent", since: hidden?.since ?? null };
}

export interface ClientView {
  client: RecordOf<"clients">;
  planDomains: RecordOf<"planDomains">[];
  zrmScores: RecordOf<"zrmScores">[];
  agreements: RecordOf<"agreements">[];
  notes: RecordOf<"notes">[];
  consentEvents: RecordOf<"consentEvents">[];
  handovers: RecordOf<"handovers">[];
  handoverEvents: RecordOf<"handoverEvents">[];
  handoverExports: RecordOf<"handoverExports">[];
}

/** Everything the panel shows of one client; only what was synced, so only what consent allows. */
export async function loadClientView(db: NaastDatabase, clientId: string): Promise<ClientView | null> {
  const client = (await db.records.get(["clients", clientId]))?.data as RecordOf<"clients"> | undefined;
  if (!client) return null;
  const [planDomains, zrmScores, agreements, notes, consentEvents, handovers, handoverEvents, handoverExports] = await Promise.all([
    ofClient(db, "planDomains", clientId),
    ofClient(db, "zrmScores", clientId),
    ofClient(db, "agreements", clientId),
    ofClient(db, "notes", clientId),
    ofClient(db, "consentEvents", clientId),
    ofClient(db, "handovers", clientId),
    ofClient(db, "handoverEvents", clientId),
    ofClient(db, "handoverExports", clientId),
  ]);
  return { client, planDomains, zrmScores, agreements, notes, consentEvents, handovers, handoverEvents, handoverExports };
}

export interface Directory {
  people: Map<string, RecordOf<"people">>;
  organisations: Map<string, RecordOf<"organisations">>;
}

export async function loadDirectory(db: NaastDatabase): Promise<Directory> {
  const [people, organisations] = await Promise.all([all(db, "people"), all(db, "organisations")]);
  return { people: new Map(people.map((p) => [p.id, p])), organisations: new Map(organisations.map((o) => [o.id, o])) };
}

export const visibleClients = (db: NaastDatabase) => all(db, "clients");
