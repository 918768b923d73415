import {
  type ClientSummary,
  emptySummary,
  isSummaryCollection,
  type StoredRecord,
  type SummaryRecord,
  summarise,
  summaryCollections,
  summaryWith,
} from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";

/*
 * The overview's derived rows: per client the summary its lists and counts read (shared's
 * ClientSummary: her few records of the kinds they read, and of her notes only the last contact),
 * kept in `clientSummaries` by whoever writes `records`, in the same transaction: the pull
 * (applyPull), the mutators (DexieTransaction), and a sign-out, which clears every table. Each
 * write gives the row a new `rev`, so a reader that keeps summaries in memory asks the index
 * [clientId+rev] which ones changed (overview/load.ts).
 */

/** A client's summary as stored: `data` is sealed like a record's content. */
export interface SummaryRow {
  clientId: string;
  /** New at every write of the row: readers compare it with the one they hold. */
  rev: string;
  data: ClientSummary;
}

const asSummaryRecord = (row: StoredRecord): SummaryRecord | null =>
  row.clientId !== null && isSummaryCollection(row.collection) ? { collection: row.collection, data: row.data as SummaryRecord["data"] } : null;

/** Her summary from every record of hers the device holds now; null when it holds none. */
async function summaryFromRecords(db: NaastDatabase, clientId: string): Promise<ClientSummary | null> {
  const rows = await db.records
    .where("[collection+clientId]")
    .anyOf(summaryCollections.map((collection) => [collection, clientId]))
    .toArray();
  const records = rows.flatMap((row) => asSummaryRecord(row) ?? []);
  return records.length === 0 ? null : summarise(clientId, records);
}

const write = (db: NaastDatabase, data: ClientSummary) => db.clientSummaries.put({ clientId: data.clientId, rev: crypto.randomUUID(), data });

/** These clients summarised again from what the device holds (after a purge took some of her records, or all). */
export async function summariseAgain(db: NaastDatabase, clientIds: Iterable<string>): Promise<void> {
  for (const clientId of new Set(clientIds)) {
    const summary = await summaryFromRecords(db, clientId);
    if (summary) await write(db, summary);
    else await db.clientSummaries.delete(clientId);
  }
}

/**
 * After records were stored (already in the database): each one's client's summary updated from
 * the record, without reading her other records, except where a record cannot be summed in alone
 * (a correcting note): then hers are summarised again. A summary that did not change is not written.
 */
export async function summariseWritten(db: NaastDatabase, written: readonly StoredRecord[]): Promise<void> {
  const byClient = new Map<string, SummaryRecord[]>();
  for (const row of written) {
    const record = asSummaryRecord(row);
    if (!record || row.clientId === null) continue;
    const list = byClient.get(row.clientId);
    if (list) list.push(record);
    else byClient.set(row.clientId, [record]);
  }
  if (byClient.size === 0) return;
  const clientIds = [...byClient.keys()];
  const stored = await db.clientSummaries.bulkGet(clientIds);
  const changed: SummaryRow[] = [];
  const again: string[] = [];
  clientIds.forEach((clientId, i) => {
    const before = stored[i]?.data ?? emptySummary(clientId);
    let summary: ClientSummary | null = before;
    for (const record of byClient.get(clientId) ?? []) {
      summary = summaryWith(summary, record);
      if (summary === null) break;
    }
    if (summary === null) again.push(clientId);
    else if (summary !== before || !stored[i]) changed.push({ clientId, rev: crypto.randomUUID(), data: summary });
  });
  if (changed.length > 0) await db.clientSummaries.bulkPut(changed);
  await summariseAgain(db, again);
}

/** Clients the device holds without a summary (a database from before summaries): summarised now. */
export async function summariseMissing(db: NaastDatabase): Promise<void> {
  const clientKeys = await db.records.where("collection").equals("clients").primaryKeys();
  const summarised = new Set(await db.clientSummaries.toCollection().primaryKeys());
  await summariseAgain(
    db,
    clientKeys.map(([, id]) => id).filter((id) => !summarised.has(id)),
  );
}

/**
 * The summaries after a pull was stored (its records put, its purges done; called in the pull's
 * transaction): a reset starts them anew from the pulled records, a purged client is summarised
 * again from what is left of her, and a database from before summaries gets them.
 */
export async function summarisePull(
  db: NaastDatabase,
  pull: { reset: boolean; purgedClientIds: readonly string[]; puts: readonly StoredRecord[] },
): Promise<void> {
  if (pull.reset) await db.clientSummaries.clear();
  const purged = new Set(pull.purgedClientIds);
  await summariseWritten(
    db,
    pull.puts.filter((p) => p.clientId === null || !purged.has(p.clientId)),
  );
  await summariseAgain(db, purged);
  await summariseMissing(db);
}
