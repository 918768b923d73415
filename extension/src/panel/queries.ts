import { type CollectionName, epdLinkId, flexbudgetId, flexbudgetTotalsId, type RecordOf, timeoutSettingsId, timeoutTotalsId } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";

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
  /** Only on the holder's devices (visibility "holder"). */
  consentConversations: RecordOf<"consentConversations">[];
  handovers: RecordOf<"handovers">[];
  handoverEvents: RecordOf<"handoverEvents">[];
  handoverExports: RecordOf<"handoverExports">[];
  flexbudgetEntries: RecordOf<"flexbudgetEntries">[];
  timeoutEvents: RecordOf<"timeoutEvents">[];
}

/**
 * Everything the panel shows of one client; only what was synced, so only what consent allows.
 * One index read for all her records: it runs again after every local edit.
 */
export async function loadClientView(db: NaastDatabase, clientId: string): Promise<ClientView | null> {
  const rows = await db.records.where("clientId").equals(clientId).toArray();
  const client = rows.find((r) => r.collection === "clients")?.data as RecordOf<"clients"> | undefined;
  if (!client) return null;
  const of = <C extends CollectionName>(collection: C) => rows.filter((r) => r.collection === collection).map((r) => r.data as RecordOf<C>);
  return {
    client,
    planDomains: of("planDomains"),
    zrmScores: of("zrmScores"),
    agreements: of("agreements"),
    notes: of("notes"),
    consentEvents: of("consentEvents"),
    consentConversations: of("consentConversations"),
    handovers: of("handovers"),
    handoverEvents: of("handoverEvents"),
    handoverExports: of("handoverExports"),
    flexbudgetEntries: of("flexbudgetEntries"),
    timeoutEvents: of("timeoutEvents"),
  };
}

/** A year's flexbudget and time-out as this device has them; the totals only on the holder's devices. */
export interface YearFigures {
  year: number;
  flexbudget: RecordOf<"flexbudgets"> | undefined;
  flexbudgetTotals: RecordOf<"flexbudgetTotals"> | undefined;
  timeoutSettings: RecordOf<"timeoutSettings"> | undefined;
  timeoutTotals: RecordOf<"timeoutTotals"> | undefined;
}

export async function loadYearFigures(db: NaastDatabase, year: number): Promise<YearFigures> {
  const get = async <C extends CollectionName>(collection: C, id: string) => (await db.records.get([collection, id]))?.data as RecordOf<C> | undefined;
  const [flexbudget, flexbudgetTotals, timeoutSettings, timeoutTotals] = await Promise.all([
    get("flexbudgets", flexbudgetId(year)),
    get("flexbudgetTotals", flexbudgetTotalsId(year)),
    get("timeoutSettings", timeoutSettingsId(year)),
    get("timeoutTotals", timeoutTotalsId(year)),
  ]);
  return { year, flexbudget, flexbudgetTotals, timeoutSettings, timeoutTotals };
}

export interface Directory {
  people: Map<string, RecordOf<"people">>;
  organisations: Map<string, RecordOf<"organisations">>;
}

/** A colleague as the panel names her: "Fatima El Amrani (Iriszorg)"; the id when unknown here. */
export function colleagueName(directory: Directory, userId: string): string {
  const person = directory.people.get(userId);
  return person ? `${person.name} (${directory.organisations.get(person.organisationId)?.shortName ?? person.organisationId})` : userId;
}

export async function loadDirectory(db: NaastDatabase): Promise<Directory> {
  const [people, organisations] = await Promise.all([all(db, "people"), all(db, "organisations")]);
  return { people: new Map(people.map((p) => [p.id, p])), organisations: new Map(organisations.map((o) => [o.id, o])) };
}

export const visibleClients = (db: NaastDatabase) => all(db, "clients");
