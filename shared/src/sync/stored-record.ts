import { type CollectionName, clientIdOf, collections, type RecordOf, visibilityOf } from "../store/collections.ts";
import { categoriesOf, encodeVisibility, parseVisibility } from "../store/visibility.ts";
import type { PulledRecord, Purge } from "./protocol.ts";

/** A record as a device keeps it: the data plus what a purge needs to find it. */
export interface StoredRecord<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  clientId: string | null;
  /** `encodeVisibility` of the record's visibility. */
  visibility: string;
  data: RecordOf<C>;
}

export function storedRecord<C extends CollectionName>(collection: C, data: RecordOf<C>): StoredRecord<C> {
  return { collection, id: data.id, clientId: clientIdOf(collection, data), visibility: encodeVisibility(visibilityOf(collection, data)), data };
}

/** Checks a pulled record against its schema before a device stores it. */
export function fromPulled(put: PulledRecord): StoredRecord {
  const data = collections[put.collection].parse(put.data) as RecordOf<typeof put.collection>;
  return storedRecord(put.collection, data);
}

/**
 * Whether a purge removes this stored record. The organisation's own EPD links and its own
 * totals stay (its own data) unless retention erased the client; a purge of some categories removes every record that needs one of them, so losing
 * housing takes the afspraken about housing along.
 */
export function isPurgedBy(record: Pick<StoredRecord, "clientId" | "visibility">, purge: Purge): boolean {
  if (record.clientId !== purge.clientId) return false;
  if (purge.erased) return true;
  const visibility = parseVisibility(record.visibility);
  if (visibility.kind === "epd-link" || visibility.kind === "organisation") return false;
  if (purge.categories === "all") return true;
  if (visibility.kind !== "category") return false;
  const lost = new Set(purge.categories);
  return categoriesOf(visibility).some((category) => lost.has(category));
}
