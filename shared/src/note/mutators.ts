import { z } from "zod";
import { contactWriters, defineMutator, MutationRejected } from "../mutators/define.ts";
import { instantSchema } from "../primitives.ts";
import { contactTypeSchema, noteSchema } from "./schema.ts";

/** How far ahead of the server's clock a device's "now" may be (its clock runs a little fast). */
const clockSkewMs = 5 * 60_000;

/**
 * Logs a contact (or, from an older extension, a bare note: a contact of unknown type, now). The
 * moment may lie in the past, not in the future.
 */
export const addNote = defineMutator({
  name: "addNote",
  args: noteSchema.pick({ id: true, clientId: true, text: true, correctsNoteId: true }).extend({
    contactAt: instantSchema.nullable().optional(),
    contactType: contactTypeSchema.optional(),
    noShow: z.boolean().optional(),
  }),
  roles: contactWriters,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "notes" }),
  async run(tx, args, ctx) {
    if (await tx.get("notes", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    if (args.correctsNoteId) {
      const corrected = await tx.get("notes", args.correctsNoteId);
      if (!corrected || corrected.clientId !== args.clientId) throw new MutationRejected("not-found", "note.correct-not-found");
    }
    const contactAt = args.contactAt ?? ctx.now;
    if (Date.parse(contactAt) > Date.parse(ctx.now) + clockSkewMs) throw new MutationRejected("invalid", "contact.in-future");
    await tx.put("notes", {
      id: args.id,
      clientId: args.clientId,
      text: args.text,
      correctsNoteId: args.correctsNoteId,
      contactAt,
      contactType: args.contactType ?? "unknown",
      noShow: args.noShow ?? false,
      authorUserId: ctx.user.id,
      authorOrganisationId: ctx.user.organisationId,
      createdAt: ctx.now,
    });
  },
});
