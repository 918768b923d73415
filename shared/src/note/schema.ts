import { z } from "zod";
import { idSchema, instantSchema, limits } from "../primitives.ts";

/** Notes are append-only: a correction is a new note that points to the one it corrects. */
export const noteSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  text: z.string().trim().min(1).max(limits.noteLength),
  authorUserId: idSchema,
  authorOrganisationId: idSchema,
  createdAt: instantSchema,
  correctsNoteId: idSchema.nullable(),
});
export type Note = z.infer<typeof noteSchema>;
