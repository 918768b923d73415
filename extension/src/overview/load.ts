import {
  type ClientOverview,
  defaultOverviewSettings,
  flexbudgetId,
  type OverviewSettings,
  overviewOfSummary,
  overviewSettingsId,
  type StoredRecord,
  type ToDoContext,
  timeoutSettingsId,
} from "@naast/shared";
import { dataOf } from "../records/read.ts";
import type { NaastDatabase } from "../storage/db.ts";

/** The records of no client the overview reads: its settings and who holds a year's flexbudget and time-out. */
const settingCollections = ["overviewSettings", "flexbudgets", "timeoutSettings"] as const;

export interface OverviewData {
  /** Only what was synced, so only what consent allows: no list or count may use anything else. */
  clients: ClientOverview[];
  settings: OverviewSettings;
  holders: NonNullable<ToDoContext["holders"]>;
}

/**
 * What this process last read of each client's summary, by its rev: a summary is read (and its
 * seal opened) again only when its rev in the database differs, so opening the overview, or a
 * write to one client, does not read every client again. Never trusted without that check.
 */
const held = new WeakMap<NaastDatabase, Map<string, { rev: string; overview: ClientOverview | null }>>();

/**
 * The overview: per client the summary the device keeps (overview/summaries.ts), not her records,
 * in one read transaction: the index [clientId+rev] says which summaries changed since this
 * process last read them, only those are read; and the few settings records. It runs again when
 * a summary or a setting changes; the views memoise what they derive from it.
 */
export async function loadOverview(db: NaastDatabase, organisationId: string): Promise<OverviewData> {
  return db.transaction("r", [db.clientSummaries, db.records], async () => {
    const before = held.get(db) ?? new Map();
    const keys = (await db.clientSummaries.orderBy("[clientId+rev]").keys()) as unknown as [string, string][];
    const changed = keys.filter(([clientId, rev]) => before.get(clientId)?.rev !== rev).map(([clientId]) => clientId);
    const rows = changed.length > 0 ? await db.clientSummaries.bulkGet(changed) : [];
    const now = new Map<string, { rev: string; overview: ClientOverview | null }>();
    for (const [clientId] of keys) {
      const kept = before.get(clientId);
      if (kept) now.set(clientId, kept);
    }
    for (const row of rows) if (row) now.set(row.clientId, { rev: row.rev, overview: overviewOfSummary(row.data) });
    for (const [clientId, rev] of keys) if (now.get(clientId)?.rev !== rev) now.delete(clientId);
    held.set(db, now);

    const directory = new Map<string, StoredRecord>();
    for (const row of await db.records.where("collection").anyOf(settingCollections).toArray()) directory.set(`${row.collection}:${row.id}`, row);
    const setting = <C extends (typeof settingCollections)[number]>(collection: C, id: string) => {
      const row = directory.get(`${collection}:${id}`);
      return row && dataOf(row, collection);
    };
    const settings = setting("overviewSettings", overviewSettingsId(organisationId));
    return {
      clients: keys.flatMap(([clientId]) => now.get(clientId)?.overview ?? []),
      settings: { ...defaultOverviewSettings, ...(settings && { noContactDays: settings.noContactDays }) },
      holders: {
        flexbudget: (year) => setting("flexbudgets", flexbudgetId(year))?.holderOrganisationId ?? null,
        timeout: (year) => setting("timeoutSettings", timeoutSettingsId(year))?.holderOrganisationId ?? null,
      },
    };
  });
}
