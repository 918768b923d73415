import type { CollectionName, RecordOf, StoredRecord } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";

/*
 * The one typed reader of the local `records` table. A row is written only after its
 * collection's schema parsed it (DexieTransaction.put, fromPulled in apply-pull), so the
 * collection it was stored under names the type of its data: this file is the one place that
 * says so (the casts below); everything else reads records through it.
 */

/** The record a stored row carries, typed by the collection it was stored under. */
export function dataOf<C extends CollectionName>(row: StoredRecord, collection: C): RecordOf<C> {
  if (row.collection !== collection) throw new Error(`a ${row.collection} row read as ${collection}`);
  return row.data as RecordOf<C>;
}

/** One record by collection and id, or undefined when this device does not hold it. */
export async function getRecord<C extends CollectionName>(db: NaastDatabase, collection: C, id: string): Promise<RecordOf<C> | undefined> {
  const row = await db.records.get([collection, id]);
  return row && dataOf(row, collection);
}

/** Every record of a collection on this device. */
export async function listRecords<C extends CollectionName>(db: NaastDatabase, collection: C): Promise<RecordOf<C>[]> {
  const rows = await db.records.where("collection").equals(collection).toArray();
  return rows.map((row) => dataOf(row, collection));
}

/** A client's records of one collection. */
export async function listClientRecords<C extends CollectionName>(db: NaastDatabase, collection: C, clientId: string): Promise<RecordOf<C>[]> {
  const rows = await db.records.where("[collection+clientId]").equals([collection, clientId]).toArray();
  return rows.map((row) => dataOf(row, collection));
}

/** The records of one collection among rows read together (say, all of one client's). */
export function pick<C extends CollectionName>(rows: StoredRecord[], collection: C): RecordOf<C>[] {
  return rows.filter((row) => row.collection === collection).map((row) => dataOf(row, collection));
}
