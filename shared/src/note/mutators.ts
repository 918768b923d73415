import { contactWriters, defineMutator, MutationRejected } from "../mutators/define.ts";
import { noteSchema } from "./schema.ts";

export const addNote = defineMutator({
  name: "addNote",
  args: noteSchema.pick({ id: true, clientId: true, text: true, correctsNoteId: true }),
  roles: contactWriters,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "notes" }),
  async run(tx, args, ctx) {
    if (await tx.get("notes", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    if (args.correctsNoteId) {
      const corrected = await tx.get("notes", args.correctsNoteId);
      if (!corrected || corrected.clientId !== args.clientId) throw new MutationRejected("not-found", "note.correct-not-found");
    }
    await tx.put("notes", { ...args, authorUserId: ctx.user.id, authorOrganisationId: ctx.user.organisationId, createdAt: ctx.now });
  },
});
