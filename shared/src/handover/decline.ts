import { z } from "zod";
import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";
import { openHandoverForEvent } from "./load.ts";
import { isReceiverOf } from "./parties.ts";
import { handoverDeclinedSchema } from "./schema.ts";

/** The receiver declines, with a reason. Nothing moves: the client stays where she was. */
export const declineHandover = defineMutator({
  name: "declineHandover",
  args: z.object({ id: idSchema, clientId: idSchema, handoverId: idSchema, reason: handoverDeclinedSchema.shape.reason }),
  roles: [...caseWorkers, "procesregisseur"],
  requires: (args: AboutClient) => ({ kind: "category", clientId: args.clientId, category: "handovers" }),
  async run(tx, args, ctx) {
    const { handover } = await openHandoverForEvent(tx, args);
    if (!isReceiverOf(ctx.user, handover)) throw new MutationRejected("forbidden", "handover.receiver-only");
    await tx.put("handoverEvents", { ...args, type: "declined", by: ctx.user.id, byOrganisationId: ctx.user.organisationId, at: ctx.now });
  },
});
