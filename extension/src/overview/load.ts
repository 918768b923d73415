import {
  type ClientRecords,
  type CollectionName,
  defaultOverviewSettings,
  flexbudgetId,
  type OverviewSettings,
  overviewSettingsId,
  type StoredRecord,
  type ToDoContext,
  timeoutSettingsId,
} from "@naast/shared";
import { dataOf } from "../records/read.ts";
import type { NaastDatabase } from "../storage/db.ts";

/** What the overview reads: every client the device holds with the records its lists derive from. */
const overviewCollections = [
  "clients",
  "consentEvents",
  "consentConversations",
  "agreements",
  "notes",
  "handovers",
  "handoverEvents",
  "escalations",
  "timeoutEvents",
  "flexbudgetEntries",
  "flexbudgets",
  "timeoutSettings",
  "overviewSettings",
] as const satisfies readonly CollectionName[];

export interface OverviewData {
  /** Only what was synced, so only what consent allows: no list or count may use anything else. */
  clients: ClientRecords[];
  settings: OverviewSettings;
  holders: NonNullable<ToDoContext["holders"]>;
}

/**
 * The whole overview in one index read (the collections above), grouped by client. It runs again
 * when any of these records change; the views memoise what they derive from it.
 */
export async function loadOverview(db: NaastDatabase, organisationId: string): Promise<OverviewData> {
  const rows = await db.records.where("collection").anyOf(overviewCollections).toArray();
  // collection → client id → rows; rows of no client (settings) by collection and id.
  const perClient = new Map<CollectionName, Map<string, StoredRecord[]>>();
  const directory = new Map<string, StoredRecord>();
  for (const row of rows) {
    if (row.clientId === null) {
      directory.set(`${row.collection}:${row.id}`, row);
      continue;
    }
    let byClient = perClient.get(row.collection);
    if (!byClient) {
      byClient = new Map();
      perClient.set(row.collection, byClient);
    }
    const list = byClient.get(row.clientId);
    if (list) list.push(row);
    else byClient.set(row.clientId, [row]);
  }
  const of = <C extends CollectionName>(collection: C, clientId: string) => (perClient.get(collection)?.get(clientId) ?? []).map((r) => dataOf(r, collection));
  const setting = <C extends "overviewSettings" | "flexbudgets" | "timeoutSettings">(collection: C, id: string) => {
    const row = directory.get(`${collection}:${id}`);
    return row && dataOf(row, collection);
  };
  const settings = setting("overviewSettings", overviewSettingsId(organisationId));
  return {
    clients: [...(perClient.get("clients")?.values() ?? [])].flatMap(([row]) => {
      if (!row) return [];
      const client = dataOf(row, "clients");
      return [
        {
          client,
          consentEvents: of("consentEvents", client.id),
          consentConversations: of("consentConversations", client.id),
          agreements: of("agreements", client.id),
          notes: of("notes", client.id),
          handovers: of("handovers", client.id),
          handoverEvents: of("handoverEvents", client.id),
          escalations: of("escalations", client.id),
          timeoutEvents: of("timeoutEvents", client.id),
          flexbudgetEntries: of("flexbudgetEntries", client.id),
        },
      ];
    }),
    settings: { ...defaultOverviewSettings, ...(settings && { noContactDays: settings.noContactDays }) },
    holders: {
      flexbudget: (year) => setting("flexbudgets", flexbudgetId(year))?.holderOrganisationId ?? null,
      timeout: (year) => setting("timeoutSettings", timeoutSettingsId(year))?.holderOrganisationId ?? null,
    },
  };
}
