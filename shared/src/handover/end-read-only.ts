import { z } from "zod";
import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";

/**
 * Ends a former holder's read-only access before its period is over, when the client asks:
 * that access follows from the handover, not from a consent, so there is no consent to withdraw.
 * The holder does it; the audit log keeps who and when, and the next pull purges the client there.
 */
export const endReadOnlyAccess = defineMutator({
  name: "endReadOnlyAccess",
  args: z.object({ clientId: idSchema, organisationId: idSchema }),
  roles: [...caseWorkers, "procesregisseur"],
  requires: (args: AboutClient) => ({ kind: "owner", clientId: args.clientId }),
  async run(tx, args, ctx) {
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    const now = Date.parse(ctx.now);
    if (!client.formerOwners.some((f) => f.organisationId === args.organisationId && Date.parse(f.readOnlyUntil) > now)) {
      const organisation = await tx.get("organisations", args.organisationId);
      throw new MutationRejected("not-found", "handover.no-read-only-access", { organisation: organisation?.name ?? args.organisationId });
    }
    await tx.put("clients", { ...client, formerOwners: client.formerOwners.filter((f) => f.organisationId !== args.organisationId), updatedAt: ctx.now });
  },
});
