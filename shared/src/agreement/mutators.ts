import { z } from "zod";
import { caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";
import { canAccess } from "../consent/can-access.ts";
import { agreementSchema } from "./schema.ts";

export const addAgreement = defineMutator({
  name: "addAgreement",
  args: agreementSchema.pick({ id: true, clientId: true, domain: true, text: true, ownerUserId: true, dueDate: true }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "agreements" }),
  async run(tx, args, ctx) {
    if (await tx.get("agreements", args.id)) throw new MutationRejected("conflict", "this agreement exists already");
    const owner = await tx.get("people", args.ownerUserId);
    if (!owner?.active) throw new MutationRejected("invalid", "the owner must be an active colleague");
    const client = await tx.get("clients", args.clientId);
    const consents = await tx.listByClient("consentEvents", args.clientId);
    if (!client || !canAccess(owner, client, "agreements", consents, ctx.now).allowed) {
      throw new MutationRejected("invalid", "the owner's organisation may not see this client's agreements");
    }
    await tx.put("agreements", {
      ...args,
      ownerOrganisationId: owner.organisationId,
      status: "open",
      createdAt: ctx.now,
      createdBy: ctx.user.id,
      closedAt: null,
      closedBy: null,
    });
  },
});

export const setAgreementStatus = defineMutator({
  name: "setAgreementStatus",
  args: z.object({ clientId: idSchema, agreementId: idSchema, status: agreementSchema.shape.status }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "agreements" }),
  async run(tx, args, ctx) {
    const agreement = await tx.get("agreements", args.agreementId);
    if (!agreement || agreement.clientId !== args.clientId) throw new MutationRejected("not-found", "no such agreement for this client");
    const closing = args.status !== "open";
    await tx.put("agreements", {
      ...agreement,
      status: args.status,
      closedAt: closing ? ctx.now : null,
      closedBy: closing ? ctx.user.id : null,
    });
  },
});
