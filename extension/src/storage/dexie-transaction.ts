import { type CollectionName, collections, type RecordOf, storedRecord, type WriteTransaction } from "@naast/shared";
import type { NaastDatabase } from "./db.ts";

/** The mutators' storage interface on the device. Run inside a Dexie transaction over `records`. */
export class DexieTransaction implements WriteTransaction {
  constructor(private readonly db: NaastDatabase) {}

  async get<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C> | undefined> {
    const row = await this.db.records.get([collection, id]);
    return row?.data as RecordOf<C> | undefined;
  }

  async listByClient<C extends CollectionName>(collection: C, clientId: string): Promise<RecordOf<C>[]> {
    const rows = await this.db.records.where("[collection+clientId]").equals([collection, clientId]).toArray();
    return rows.map((r) => r.data as RecordOf<C>);
  }

  async put<C extends CollectionName>(collection: C, record: RecordOf<C>): Promise<void> {
    const valid = collections[collection].parse(record) as RecordOf<C>;
    await this.db.records.put(storedRecord(collection, valid));
  }
}
