import { z } from "zod";
import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";
import { openHandoverForEvent } from "./load.ts";
import { isReceiverOf, isSenderSideOf } from "./parties.ts";
import { handoverMessageSchema } from "./schema.ts";

/**
 * A short thread before acknowledging: the receiver asks, the sending side (the writer or a
 * colleague of her organisation) answers. Only while the handover is open.
 */
export const replyToHandover = defineMutator({
  name: "replyToHandover",
  args: z.object({ id: idSchema, clientId: idSchema, handoverId: idSchema, text: handoverMessageSchema.shape.text }),
  roles: [...caseWorkers, "procesregisseur"],
  requires: (args: AboutClient) => ({ kind: "category", clientId: args.clientId, category: "handovers" }),
  async run(tx, args, ctx) {
    const { handover } = await openHandoverForEvent(tx, args);
    if (!isReceiverOf(ctx.user, handover) && !isSenderSideOf(ctx.user, handover)) {
      throw new MutationRejected("forbidden", "handover.receiver-or-sender-only");
    }
    await tx.put("handoverEvents", { ...args, type: "message", by: ctx.user.id, byOrganisationId: ctx.user.organisationId, at: ctx.now });
  },
});
