import { calendarDaysBetween } from "../calendar/calendar-day.ts";
import type { ContactType, Note } from "./schema.ts";

/** A note as a contact, also when a device still holds it as written before contacts existed. */
export interface Contact {
  id: string;
  clientId: string;
  at: string;
  type: ContactType;
  noShow: boolean;
  text: string;
  authorUserId: string;
  authorOrganisationId: string;
  createdAt: string;
  correctsNoteId: string | null;
}

type StoredNote = Omit<Note, "contactAt" | "contactType" | "noShow"> & Partial<Pick<Note, "contactAt" | "contactType" | "noShow">>;

export function contactOf(note: StoredNote): Contact {
  return {
    id: note.id,
    clientId: note.clientId,
    at: note.contactAt ?? note.createdAt,
    type: note.contactType ?? "unknown",
    noShow: note.noShow ?? false,
    text: note.text,
    authorUserId: note.authorUserId,
    authorOrganisationId: note.authorOrganisationId,
    createdAt: note.createdAt,
    correctsNoteId: note.correctsNoteId,
  };
}

/**
 * The contacts as they stand: a corrected contact gives way to its correction (the latest one,
 * when corrected twice), newest first by when they happened.
 */
export function currentContacts(notes: readonly StoredNote[]): Contact[] {
  const corrected = new Set(notes.map((n) => n.correctsNoteId).filter((id): id is string => id !== null));
  return notes
    .filter((n) => !corrected.has(n.id))
    .map(contactOf)
    .sort((a, b) => b.at.localeCompare(a.at) || b.createdAt.localeCompare(a.createdAt));
}

/** "Laatste contact": the latest contact that took place (a no-show is an attempt), or null. */
export function lastContactAt(notes: readonly StoredNote[]): string | null {
  let latest: string | null = null;
  for (const contact of currentContacts(notes)) if (!contact.noShow && (latest === null || contact.at > latest)) latest = contact.at;
  return latest;
}

/** Whole calendar days from an instant to now, as days in the Netherlands (0 on the same day). */
export function daysSince(instant: string, now: string): number {
  return calendarDaysBetween(instant, now);
}
