import { type CollectionName, clientIdOf, collections, type RecordOf, visibilityKey, visibilityOf } from "../store/collections.ts";
import type { PulledRecord, Purge } from "./protocol.ts";

/** A record as a device keeps it: the data plus what a purge needs to find it. */
export interface StoredRecord<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  clientId: string | null;
  visibility: string;
  data: RecordOf<C>;
}

export function storedRecord<C extends CollectionName>(collection: C, data: RecordOf<C>): StoredRecord<C> {
  return { collection, id: data.id, clientId: clientIdOf(collection, data), visibility: visibilityKey(visibilityOf(collection, data)), data };
}

/** Checks a pulled record against its schema before a device stores it. */
export function fromPulled(put: PulledRecord): StoredRecord {
  const data = collections[put.collection].parse(put.data) as RecordOf<typeof put.collection>;
  return storedRecord(put.collection, data);
}

export function isPurgedBy(record: Pick<StoredRecord, "clientId" | "visibility">, purge: Purge): boolean {
  if (record.clientId !== purge.clientId || record.visibility.startsWith("epd-link:")) return false;
  if (purge.categories === "all") return true;
  return purge.categories.some((category) => record.visibility === `category:${category}`);
}
