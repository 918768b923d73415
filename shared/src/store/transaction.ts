import type { CollectionName, RecordOf } from "./collections.ts";

/**
 * The small storage interface mutators run against. The server implements it on libSQL and the
 * extension on Dexie, so each mutator is written once and runs the same on both sides.
 */
export interface ReadTransaction {
  get<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C> | undefined>;
  listByClient<C extends CollectionName>(collection: C, clientId: string): Promise<RecordOf<C>[]>;
}

export interface WriteTransaction extends ReadTransaction {
  put<C extends CollectionName>(collection: C, record: RecordOf<C>): Promise<void>;
}
