import { z } from "zod";
import type { Client } from "../client/schema.ts";
import { defaultReadOnlyDays, type FormerOwner } from "../client/schema.ts";
import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";
import { applyAgreementDecisions, recheckAgreementDecisions } from "./agreements.ts";
import { requireHandoverConsent } from "./consent.ts";
import { openHandoverForEvent } from "./load.ts";
import { isReceiverOf } from "./parties.ts";

const dayMs = 24 * 3600 * 1000;

/** The instant `days` whole days after `instant`. */
export const readOnlyUntilFrom = (instant: string, days = defaultReadOnlyDays) => new Date(Date.parse(instant) + days * dayMs).toISOString();

/**
 * The organisations that may still read the client once `newOwner` holds her: the previous
 * holder for `defaultReadOnlyDays` from now, the others as before while their period runs
 * (the new holder needs no entry, and ended periods are dropped).
 */
export function formerOwnersAfter(
  client: Pick<Client, "ownerOrganisationId" | "responsibleUserId" | "formerOwners">,
  newOwner: string,
  now: string,
): FormerOwner[] {
  if (newOwner === client.ownerOrganisationId) return client.formerOwners;
  const t = Date.parse(now);
  const kept = client.formerOwners.filter(
    (f) => Date.parse(f.readOnlyUntil) > t && f.organisationId !== newOwner && f.organisationId !== client.ownerOrganisationId,
  );
  const previous: FormerOwner = { organisationId: client.ownerOrganisationId, userId: client.responsibleUserId, readOnlyUntil: readOnlyUntilFrom(now) };
  return [...kept, previous].slice(-50);
}

/**
 * The receiver acknowledges, and responsibility and visibility move together in this one
 * mutation: her organisation holds the client and she is responsible; the organisation that
 * handed her over keeps reading (not changing) her record for `defaultReadOnlyDays`; the carried
 * agreements go to their new owners and the others are closed; an agreement added since that its
 * owner cannot keep up goes to her ("A handover is never stuck" in docs/decisions).
 */
export const acknowledgeHandover = defineMutator({
  name: "acknowledgeHandover",
  args: z.object({ id: idSchema, clientId: idSchema, handoverId: idSchema }),
  roles: [...caseWorkers, "procesregisseur"],
  requires: (args: AboutClient) => ({ kind: "category", clientId: args.clientId, category: "handovers" }),
  audits: () => ["handovers", "agreements"],
  async run(tx, args, ctx) {
    const { handover } = await openHandoverForEvent(tx, args);
    if (!isReceiverOf(ctx.user, handover)) throw new MutationRejected("forbidden", "handover.receiver-only");
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    if (client.ownerOrganisationId !== handover.fromOrganisationId) {
      const holder = await tx.get("organisations", client.ownerOrganisationId);
      throw new MutationRejected("conflict", "handover.client-moved", { client: client.alias, organisation: holder?.name ?? client.ownerOrganisationId });
    }
    const newOwner = ctx.user.organisationId;
    const consents = await tx.listByClient("consentEvents", client.id);
    await requireHandoverConsent(tx, client, consents, newOwner, ctx.now);
    const receiver = await tx.get("people", ctx.user.id);
    if (!receiver) throw new MutationRejected("forbidden", "handover.receiver-only");
    const { owners, decisions } = await recheckAgreementDecisions(tx, client.id, handover.agreements, receiver, consents, ctx.now);

    await tx.put("clients", {
      ...client,
      ownerOrganisationId: newOwner,
      responsibleUserId: ctx.user.id,
      status: handover.kind === "monitoring" ? "monitoring" : "active",
      // Taken on, she is no longer closed: a closing the sender made while the handover waited
      // ends, as reopening ends it (else sharing would still end as if she were closed).
      closure: null,
      formerOwners: formerOwnersAfter(client, newOwner, ctx.now),
      updatedAt: ctx.now,
    });
    await applyAgreementDecisions(tx, client.id, decisions, owners, handover.fromUserId, ctx.now);
    await tx.put("handoverEvents", { ...args, type: "acknowledged", by: ctx.user.id, byOrganisationId: newOwner, at: ctx.now });
  },
});
