import { type CollectionName, epdLinkId, flexbudgetId, flexbudgetTotalsId, type RecordOf, timeoutSettingsId, timeoutTotalsId } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";
import { getRecord, listRecords, pick } from "./read.ts";

export type LinkState =
  | { kind: "unlinked" }
  | { kind: "hidden"; clientId: string; reason: string; since: string | null }
  | { kind: "visible"; clientId: string };

/** Which shared client the EPD id stands for, and her records when this device may show her. */
export type LinkedClient = { link: Exclude<LinkState, { kind: "visible" }>; view: null } | { link: Extract<LinkState, { kind: "visible" }>; view: ClientView };

/**
 * Which shared client the EPD id stands for, from this device's point of view, and when she is
 * visible everything the panel shows of her (loadClientView): the panel has her records as soon
 * as it knows who she is. Not in an explicit transaction: Dexie's live-query cache (which answers
 * a re-run after this page's own write from memory) serves only reads outside one.
 */
export async function loadLinkedClient(db: NaastDatabase, organisationId: string, epdClientId: string): Promise<LinkedClient> {
  const link = await getRecord(db, "epdLinks", epdLinkId(organisationId, epdClientId));
  if (!link) return { link: { kind: "unlinked" }, view: null };
  const { clientId } = link;
  const view = await loadClientView(db, clientId);
  if (view) return { link: { kind: "visible", clientId }, view };
  const hidden = await db.hiddenClients.get(clientId);
  return { link: { kind: "hidden", clientId, reason: hidden?.reason ?? "no-consent", since: hidden?.since ?? null }, view: null };
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
  escalations: RecordOf<"escalations">[];
}

/**
 * Everything the panel shows of one client; only what was synced, so only what consent allows.
 * One index read for all her records: it runs again after every local edit.
 */
export async function loadClientView(db: NaastDatabase, clientId: string): Promise<ClientView | null> {
  const rows = await db.records.where("clientId").equals(clientId).toArray();
  const [client] = pick(rows, "clients");
  if (!client) return null;
  const of = <C extends CollectionName>(collection: C) => pick(rows, collection);
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
    escalations: of("escalations"),
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
  const [flexbudget, flexbudgetTotals, timeoutSettings, timeoutTotals] = await Promise.all([
    getRecord(db, "flexbudgets", flexbudgetId(year)),
    getRecord(db, "flexbudgetTotals", flexbudgetTotalsId(year)),
    getRecord(db, "timeoutSettings", timeoutSettingsId(year)),
    getRecord(db, "timeoutTotals", timeoutTotalsId(year)),
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
  const [people, organisations] = await Promise.all([listRecords(db, "people"), listRecords(db, "organisations")]);
  return { people: new Map(people.map((p) => [p.id, p])), organisations: new Map(organisations.map((o) => [o.id, o])) };
}

export const visibleClients = (db: NaastDatabase) => listRecords(db, "clients");
