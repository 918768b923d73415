import { z } from "zod";
import type { MutationContext } from "../mutators/define.ts";
import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import { withStatus } from "./closure.ts";
import { clientSchema, clientStatusSchema, closeReasonSchema, epdLinkId, epdLinkSchema } from "./schema.ts";

const epdClientIdSchema = epdLinkSchema.shape.epdClientId;

/** Checks first, so a caller can check before it writes anything else. */
async function checkLink(tx: WriteTransaction, clientId: string, epdClientId: string, ctx: MutationContext) {
  const existing = await tx.get("epdLinks", epdLinkId(ctx.user.organisationId, epdClientId));
  if (existing && existing.clientId !== clientId) {
    // The other client may be one this user no longer sees: the refusal does not name her.
    throw new MutationRejected("conflict", "epd.linked-elsewhere", { epdId: epdClientId });
  }
  return existing === undefined;
}

async function link(tx: WriteTransaction, clientId: string, epdClientId: string, ctx: MutationContext) {
  if (!(await checkLink(tx, clientId, epdClientId, ctx))) return;
  const id = epdLinkId(ctx.user.organisationId, epdClientId);
  await tx.put("epdLinks", { id, clientId, organisationId: ctx.user.organisationId, epdClientId, linkedAt: ctx.now, linkedBy: ctx.user.id });
}

export const createClient = defineMutator({
  name: "createClient",
  args: z.object({
    id: idSchema,
    alias: clientSchema.shape.alias,
    birthYear: clientSchema.shape.birthYear,
    /** The EPD id of the client open in the portal, linked in the same step. */
    epdClientId: epdClientIdSchema.nullable(),
  }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "new-client", clientId: args.id }),
  async run(tx, args, ctx) {
    if (args.epdClientId) await checkLink(tx, args.id, args.epdClientId, ctx);
    await tx.put("clients", {
      id: args.id,
      alias: args.alias,
      birthYear: args.birthYear,
      ownerOrganisationId: ctx.user.organisationId,
      responsibleUserId: ctx.user.id,
      status: "active",
      formerOwners: [],
      covenants: [],
      closure: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (args.epdClientId) await link(tx, args.id, args.epdClientId, ctx);
  },
});

export const linkEpdRecord = defineMutator({
  name: "linkEpdRecord",
  args: z.object({ clientId: idSchema, epdClientId: epdClientIdSchema }),
  roles: caseWorkers,
  requires: (args: AboutClient) => ({ kind: "any", clientId: args.clientId, readOnly: true }),
  run: (tx, args, ctx) => link(tx, args.clientId, args.epdClientId, ctx),
});

export const setClientStatus = defineMutator({
  name: "setClientStatus",
  /** Closing names why (the panel asks); reopening is setting her active again. */
  args: z.object({ clientId: idSchema, status: clientStatusSchema, reason: closeReasonSchema.nullable().optional() }),
  roles: caseWorkers,
  requires: (args: AboutClient) => ({ kind: "owner", clientId: args.clientId }),
  async run(tx, args, ctx) {
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    await tx.put("clients", withStatus(client, args.status, ctx.now, args.reason ?? null));
  },
});
