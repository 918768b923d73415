import type { Client } from "../client/schema.ts";
import { lastContactAt } from "../note/contact.ts";
import type { Note } from "../note/schema.ts";
import type { CollectionName, RecordOf } from "../store/collections.ts";
import type { ClientRecords } from "./todo.ts";

/**
 * What the overview's lists and counts derive from, per client: her records of the few kinds the
 * lists read, and of her contacts only the last one. Contacts are most of what a device holds (a
 * hundred per client is common), so no list reads them: a device keeps this summary as records
 * arrive (summaryWith), and every view and count of the overview takes it.
 */
export type ClientOverview = Omit<ClientRecords, "notes"> & {
  /** "Laatste contact" (lastContactAt of her notes): the latest contact that took place, or null. */
  lastContactAt: string | null;
};

/** The overview of one client from all her records on the device (a device's summary must equal this). */
export function overviewOf({ notes, ...records }: ClientRecords): ClientOverview {
  return { ...records, lastContactAt: lastContactAt(notes) };
}

/** The collections a client's summary is made of: a record of another collection never changes it. */
export const summaryCollections = [
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
] as const satisfies readonly CollectionName[];
export type SummaryCollection = (typeof summaryCollections)[number];
export const isSummaryCollection = (collection: CollectionName): collection is SummaryCollection =>
  (summaryCollections as readonly CollectionName[]).includes(collection);

/** The lists of a summary, by the collection their records come from. */
const listOf = {
  consentEvents: "consentEvents",
  consentConversations: "consentConversations",
  agreements: "agreements",
  handovers: "handovers",
  handoverEvents: "handoverEvents",
  escalations: "escalations",
  timeoutEvents: "timeoutEvents",
  flexbudgetEntries: "flexbudgetEntries",
} as const satisfies Record<Exclude<SummaryCollection, "clients" | "notes">, keyof ClientOverview>;

/**
 * A client's summary as a device keeps it: her overview, with `client` null while her client
 * record has not (yet) arrived, and the ids of her notes that a later note corrects (so a
 * corrected contact that arrives again does not count as the last one).
 */
export type ClientSummary = Omit<ClientOverview, "client"> & {
  clientId: string;
  client: Client | null;
  correctedNoteIds: string[];
};

export function emptySummary(clientId: string): ClientSummary {
  return {
    clientId,
    client: null,
    consentEvents: [],
    consentConversations: [],
    agreements: [],
    handovers: [],
    handoverEvents: [],
    escalations: [],
    timeoutEvents: [],
    flexbudgetEntries: [],
    lastContactAt: null,
    correctedNoteIds: [],
  };
}

export interface SummaryRecord {
  collection: SummaryCollection;
  data: RecordOf<SummaryCollection>;
}

/** The summary of a client from all her records on the device. */
export function summarise(clientId: string, records: readonly SummaryRecord[]): ClientSummary {
  const notes: Note[] = [];
  let summary = emptySummary(clientId);
  for (const record of records) {
    if (record.collection === "notes") notes.push(record.data as Note);
    else summary = summaryWith(summary, record) ?? summary;
  }
  return {
    ...summary,
    lastContactAt: lastContactAt(notes),
    correctedNoteIds: notes.flatMap((n) => (n.correctsNoteId === null ? [] : [n.correctsNoteId])),
  };
}

/**
 * The summary after one more record of hers was stored (new, or a newer version of one she had).
 * Null when it cannot be told from the summary alone: a note that corrects another (the corrected
 * one may have been the last contact) — then summarise her records again. Notes are append-only,
 * so a note stored again is the same note. Returns the same object when nothing changed.
 */
export function summaryWith(summary: ClientSummary, { collection, data }: SummaryRecord): ClientSummary | null {
  if (collection === "clients") {
    const client = data as Client;
    return summary.client !== null && sameJson(summary.client, client) ? summary : { ...summary, client };
  }
  if (collection === "notes") {
    const note = data as Note;
    if (note.correctsNoteId !== null) return summary.correctedNoteIds.includes(note.correctsNoteId) && !isLater(note, summary) ? summary : null;
    if (summary.correctedNoteIds.includes(note.id) || !isLater(note, summary)) return summary;
    return { ...summary, lastContactAt: note.contactAt ?? note.createdAt };
  }
  const key = listOf[collection];
  const list = (summary[key] ?? []) as readonly { id: string }[];
  const at = list.findIndex((r) => r.id === data.id);
  if (at >= 0 && sameJson(list[at], data)) return summary;
  const next = at >= 0 ? list.map((r, i) => (i === at ? data : r)) : [...list, data];
  return { ...summary, [key]: next };
}

/** Whether a note is a contact later than the summary's last one (a no-show is an attempt, not a contact). */
function isLater(note: Note, summary: ClientSummary): boolean {
  if (note.noShow) return false;
  const at = note.contactAt ?? note.createdAt;
  return summary.lastContactAt === null || at > summary.lastContactAt;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The overview of a summarised client, or null while her client record is not on the device. */
export function overviewOfSummary({ clientId: _clientId, correctedNoteIds: _corrected, client, ...rest }: ClientSummary): ClientOverview | null {
  return client === null ? null : { ...rest, client };
}
