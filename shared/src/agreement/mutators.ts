import { z } from "zod";
import { type AccessSubject, canAccess, canAccessAll } from "../consent/can-access.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import type { SessionUser } from "../organisation/schema.ts";
import type { LifeDomain } from "../plan/domains.ts";
import { idSchema } from "../primitives.ts";
import { agreementSchema } from "./schema.ts";

/**
 * Whether this person may own an agreement of the client (about `domain`, if it has one): her
 * organisation must see the agreements, and that life domain, on a basis that allows changing
 * them (holding the client, or consent), not only read them for a while after handing her over.
 */
export function mayOwnAgreements(
  person: SessionUser,
  client: AccessSubject,
  consents: readonly ConsentEvent[],
  now: string,
  domain: LifeDomain | null = null,
): boolean {
  const decision = canAccessAll(person, client, domain ? ["agreements", domain] : ["agreements"], consents, now);
  return decision.allowed && decision.basis !== "handover";
}

export const addAgreement = defineMutator({
  name: "addAgreement",
  args: agreementSchema.pick({ id: true, clientId: true, domain: true, text: true, ownerUserId: true, dueDate: true }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "agreements", domain: args.domain }),
  async run(tx, args, ctx) {
    if (await tx.get("agreements", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const owner = await tx.get("people", args.ownerUserId);
    if (!owner?.active) throw new MutationRejected("invalid", "agreement.owner-inactive", { person: owner?.name ?? "" });
    const client = await tx.get("clients", args.clientId);
    const consents = await tx.listByClient("consentEvents", args.clientId);
    if (!client || !mayOwnAgreements(owner, client, consents, ctx.now, args.domain)) {
      const organisation = await tx.get("organisations", owner.organisationId);
      throw new MutationRejected("invalid", "agreement.owner-no-access", { person: owner.name, organisation: organisation?.name ?? owner.organisationId });
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
    const client = await tx.get("clients", args.clientId);
    // An agreement about a life domain she may not see is, for her, not there.
    const visible =
      agreement?.clientId === args.clientId &&
      client !== undefined &&
      (agreement.domain === null || canAccess(ctx.user, client, agreement.domain, await tx.listByClient("consentEvents", args.clientId), ctx.now).allowed);
    if (!agreement || !visible) throw new MutationRejected("not-found", "agreement.not-found");
    const closing = args.status !== "open";
    await tx.put("agreements", {
      ...agreement,
      status: args.status,
      closedAt: closing ? ctx.now : null,
      closedBy: closing ? ctx.user.id : null,
    });
  },
});
