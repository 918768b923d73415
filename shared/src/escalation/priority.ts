import { z } from "zod";
import { defineMutator, MutationRejected } from "../mutators/define.ts";
import type { Role } from "../organisation/schema.ts";
import { idSchema, instantSchema, shortTextSchema } from "../primitives.ts";

/**
 * Prioriteit (the care-need half of the Top 15 & 15): the procesregisseur marks a client on her
 * municipality's priority list on zorgbehoefte, with a short reason, and removes her again. Only
 * care need: the overlast ranking stays in the Zorg- en Veiligheidshuis' own system. The mark is
 * hers and the holder's to see (visibility "priority", enforced by the pull), nobody else's.
 */
export const prioritySchema = z.object({
  id: idSchema,
  clientId: idSchema,
  /** The municipality whose list it is. */
  organisationId: idSchema,
  reason: shortTextSchema,
  listedAt: instantSchema,
  listedBy: idSchema,
  /** Off the list again (the record stays: who put her on and took her off, and when). */
  removedAt: instantSchema.nullable(),
  removedBy: idSchema.nullable(),
});
export type Priority = z.infer<typeof prioritySchema>;
export const priorityId = (organisationId: string, clientId: string) => `priority:${organisationId}:${clientId}`;
export const isListed = (priority: Pick<Priority, "removedAt"> | undefined): boolean => priority !== undefined && priority.removedAt === null;

const procesregisseur: readonly Role[] = ["procesregisseur"];

/**
 * She may mark a client whose escalations she may see (on a consent or the covenant), or whom her
 * municipality holds (monitoring): the same category the escalation shares, audited with its basis.
 */
export const markPriority = defineMutator({
  name: "markPriority",
  args: z.object({ clientId: idSchema, reason: z.string().trim().max(500) }),
  roles: procesregisseur,
  requires: (args: { clientId: string }) => ({ kind: "category", clientId: args.clientId, category: "escalations" }),
  audits: () => ["escalations"],
  async run(tx, args, ctx) {
    if (args.reason === "") throw new MutationRejected("invalid", "priority.reason-missing");
    const id = priorityId(ctx.user.organisationId, args.clientId);
    const before = await tx.get("priorities", id);
    await tx.put("priorities", {
      id,
      clientId: args.clientId,
      organisationId: ctx.user.organisationId,
      reason: args.reason,
      listedAt: isListed(before) && before ? before.listedAt : ctx.now,
      listedBy: isListed(before) && before ? before.listedBy : ctx.user.id,
      removedAt: null,
      removedBy: null,
    });
  },
});

/** Off her list again. */
export const removePriority = defineMutator({
  name: "removePriority",
  args: z.object({ clientId: idSchema }),
  roles: procesregisseur,
  requires: (args: { clientId: string }) => ({ kind: "category", clientId: args.clientId, category: "escalations" }),
  audits: () => ["escalations"],
  async run(tx, args, ctx) {
    const priority = await tx.get("priorities", priorityId(ctx.user.organisationId, args.clientId));
    if (!priority || !isListed(priority)) throw new MutationRejected("not-found", "priority.not-listed");
    await tx.put("priorities", { ...priority, removedAt: ctx.now, removedBy: ctx.user.id });
  },
});
