import { call, type Harness } from "./harness.ts";
import { median } from "./stats.ts";

export interface ColdSyncResult {
  records: number;
  engineMs: number[];
  rawMs: number[];
  engine: number;
  raw: number;
  ratio: number;
}

/**
 * A fresh device's first sync by the extension's real engine (push of an empty outbox, pull over
 * HTTP from the server, schema check of every record, one Dexie transaction, outbox replay), and
 * in the same page a plain Dexie bulkPut of the very records it stored, into a fresh database of
 * the same schema. Alternated `rounds` times; medians.
 */
export async function coldSync(harness: Harness, serverUrl: string, email: string, password: string, rounds: number): Promise<ColdSyncResult> {
  const { context, page } = await harness.page();
  try {
    const session = await call(page, "login", serverUrl, email, password);
    const engineMs: number[] = [];
    const rawMs: number[] = [];
    let records = 0;
    for (let i = 0; i < rounds; i++) {
      await call(page, "addDevice", `cold-${i}`, session);
      const synced = await call(page, "sync", `cold-${i}`);
      const raw = await call(page, "rawBulkPut", `cold-${i}`, `raw-${i}`);
      if (raw.records !== synced.records) throw new Error(`raw bulkPut stored ${raw.records}, the engine ${synced.records}`);
      records = synced.records;
      engineMs.push(synced.ms);
      rawMs.push(raw.ms);
      await call(page, "removeDevice", `cold-${i}`);
    }
    const engine = median(engineMs);
    const raw = median(rawMs);
    return { records, engineMs, rawMs, engine, raw, ratio: engine / raw };
  } finally {
    await context.close();
  }
}
