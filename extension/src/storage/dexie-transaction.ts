import { type CollectionName, collections, type RecordOf, storedRecord, type WriteTransaction } from "@naast/shared";
import { summariseWritten } from "../overview/summaries.ts";
import { getRecord, listClientRecords } from "../records/read.ts";
import type { NaastDatabase } from "./db.ts";

/**
 * The mutators' storage interface on the device. Run inside a Dexie transaction over `records`
 * and `clientSummaries`: each put keeps its client's overview summary in step.
 */
export class DexieTransaction implements WriteTransaction {
  constructor(private readonly db: NaastDatabase) {}

  async get<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C> | undefined> {
    return getRecord(this.db, collection, id);
  }

  async listByClient<C extends CollectionName>(collection: C, clientId: string): Promise<RecordOf<C>[]> {
    return listClientRecords(this.db, collection, clientId);
  }

  async put<C extends CollectionName>(collection: C, record: RecordOf<C>): Promise<void> {
    const valid = collections[collection].parse(record) as RecordOf<C>;
    const row = storedRecord(collection, valid);
    await this.db.records.put(row);
    await summariseWritten(this.db, [row]);
  }
}
