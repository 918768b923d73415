import { z } from "zod";
import { idSchema, instantSchema, limits } from "../primitives.ts";

/**
 * How the team met her. "unknown" is what a note written before contacts existed reads as
 * (migration 0010); the panel offers the others.
 */
export const contactTypes = ["street", "drop_in", "phone", "home_visit", "with_peer", "network", "unknown"] as const;
export const contactTypeSchema = z.enum(contactTypes);
export type ContactType = z.infer<typeof contactTypeSchema>;
/** What the panel offers for a new contact. */
export const chosenContactTypes = contactTypes.filter((t) => t !== "unknown");

/**
 * A contact with the client (the collection keeps its first name, "notes", and its consent
 * category "notities"): when it happened, which kind, whether she did not show up, and the text.
 * Append-only: a correction is a new contact that points to the one it corrects.
 */
export const noteSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  text: z.string().trim().min(1).max(limits.noteLength),
  authorUserId: idSchema,
  authorOrganisationId: idSchema,
  createdAt: instantSchema,
  correctsNoteId: idSchema.nullable(),
  /** When the contact took place; may be earlier than `createdAt` (written up after a street round). Null: a note from before contacts, at `createdAt`. */
  contactAt: instantSchema.nullable().default(null),
  contactType: contactTypeSchema.default("unknown"),
  /** She did not come: an attempt, not a contact, so it does not count as "laatste contact". */
  noShow: z.boolean().default(false),
});
export type Note = z.infer<typeof noteSchema>;
