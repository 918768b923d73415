import { z } from "zod";
import { type AccessSubject, canAccess, canAccessAll } from "../consent/can-access.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { type AboutClient, caseWorkers, defineMutator, type MutationContext, MutationRejected } from "../mutators/define.ts";
import type { Person, Role, SessionUser } from "../organisation/schema.ts";
import type { LifeDomain } from "../plan/domains.ts";
import { idSchema, shortTextSchema } from "../primitives.ts";
import type { ReadTransaction, WriteTransaction } from "../store/transaction.ts";
import { type Agreement, agreementSchema } from "./schema.ts";

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

/** Who can own an afspraak: the case workers, and the ervaringsdeskundige. */
export const agreementOwnerRoles: readonly Role[] = ["casemanager", "coordinator", "ervaringsdeskundige"];

export const addAgreement = defineMutator({
  name: "addAgreement",
  args: agreementSchema.pick({ id: true, clientId: true, domain: true, text: true, ownerUserId: true, dueDate: true }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "agreements", domain: args.domain }),
  async run(tx, args, ctx) {
    if (await tx.get("agreements", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const client = await tx.get("clients", args.clientId);
    const consents = await tx.listByClient("consentEvents", args.clientId);
    const owner = await agreementOwner(tx, args.ownerUserId, {
      mayOwn: (person) => client !== undefined && mayOwnAgreements(person, client, consents, ctx.now, args.domain),
    });
    await putNewAgreement(tx, { ...args, escalationId: null }, owner, ctx);
  },
});

/** Who may own the afspraak and what refuses one who may not: the afspraken's rule, or an escalation's (its decisions). */
interface OwnerRule {
  roles?: readonly Role[];
  /** Whether her organisation may own it (sees what it is about, not read-only). */
  mayOwn(person: Person): boolean;
  /** The refusal when it may not; by default "her organisation does not see these afspraken". */
  noAccess?(person: Person, organisation: string): MutationRejected;
}

/**
 * The person who is to own an afspraak, checked, for every way an afspraak gets an owner (added,
 * reassigned, an escalation's decision): active, in a role that owns afspraken, and her
 * organisation may own this one.
 */
export async function agreementOwner(tx: ReadTransaction, ownerUserId: string, rule: OwnerRule): Promise<Person> {
  const owner = await tx.get("people", ownerUserId);
  if (!owner?.active) throw new MutationRejected("invalid", "agreement.owner-inactive", { person: owner?.name ?? "" });
  if (!(rule.roles ?? agreementOwnerRoles).includes(owner.role))
    throw new MutationRejected("invalid", "agreement.owner-role", { person: owner.name, role: owner.role });
  if (!rule.mayOwn(owner)) {
    const organisation = (await tx.get("organisations", owner.organisationId))?.name ?? owner.organisationId;
    throw rule.noAccess?.(owner, organisation) ?? new MutationRejected("invalid", "agreement.owner-no-access", { person: owner.name, organisation });
  }
  return owner;
}

/** A new afspraak, open, as every way of making one stores it (added in the panel, an escalation's decision). */
export async function putNewAgreement(
  tx: WriteTransaction,
  fields: Pick<Agreement, "id" | "clientId" | "domain" | "text" | "dueDate" | "escalationId">,
  owner: Pick<Person, "id" | "organisationId">,
  ctx: MutationContext,
): Promise<void> {
  if (await tx.get("agreements", fields.id)) throw new MutationRejected("conflict", "change.duplicate");
  await tx.put("agreements", {
    id: fields.id,
    clientId: fields.clientId,
    domain: fields.domain,
    text: fields.text,
    dueDate: fields.dueDate,
    ownerUserId: owner.id,
    ownerOrganisationId: owner.organisationId,
    status: "open",
    createdAt: ctx.now,
    createdBy: ctx.user.id,
    closedAt: null,
    closedBy: null,
    cancelReason: null,
    escalationId: fields.escalationId,
  });
}

/** The agreement as this user may see it: one about a life domain she may not see is, for her, not there. */
async function visibleAgreement(tx: WriteTransaction, clientId: string, agreementId: string, ctx: MutationContext) {
  const agreement = await tx.get("agreements", agreementId);
  const client = await tx.get("clients", clientId);
  // An escalation's afspraak is the escalation's information: it needs that category, as it is delivered.
  const needs = agreement?.escalationId ? "escalations" : agreement?.domain;
  const visible =
    agreement?.clientId === clientId &&
    client !== undefined &&
    (!needs || canAccess(ctx.user, client, needs, await tx.listByClient("consentEvents", clientId), ctx.now).allowed);
  if (!agreement || !client || !visible) throw new MutationRejected("not-found", "agreement.not-found");
  return { agreement, client };
}

/**
 * Done, cancelled (with a reason) or open again. An afspraak an escalation's decision made is the
 * escalation's information: the panel names the escalation (`escalationId`), and the change then
 * needs that category, so the procesregisseur who owns one marks it done too (only her own).
 */
export const setAgreementStatus = defineMutator({
  name: "setAgreementStatus",
  args: z.object({
    clientId: idSchema,
    agreementId: idSchema,
    status: agreementSchema.shape.status,
    /** Why it is cancelled: the panel asks for it; older extensions send none. */
    reason: shortTextSchema.nullable().optional(),
    /** The escalation whose decision made it, if any. */
    escalationId: idSchema.optional(),
  }),
  roles: [...caseWorkers, "procesregisseur"],
  requires: (args: AboutClient & { escalationId?: string | undefined }) => ({
    kind: "category",
    clientId: args.clientId,
    category: args.escalationId ? "escalations" : "agreements",
  }),
  async run(tx, args, ctx) {
    const { agreement } = await visibleAgreement(tx, args.clientId, args.agreementId, ctx);
    // Named an escalation: it must be that escalation's afspraak (else the lighter requirement would not do).
    if (args.escalationId && agreement.escalationId !== args.escalationId) throw new MutationRejected("not-found", "agreement.not-found");
    if (ctx.user.role === "procesregisseur" && (!agreement.escalationId || agreement.ownerUserId !== ctx.user.id)) {
      throw new MutationRejected("forbidden", "agreement.own-escalation-only", { agreement: agreement.text });
    }
    const closing = args.status !== "open";
    await tx.put("agreements", {
      ...agreement,
      status: args.status,
      closedAt: closing ? ctx.now : null,
      closedBy: closing ? ctx.user.id : null,
      cancelReason: args.status === "cancelled" ? (args.reason ?? null) : null,
    });
  },
});

/**
 * Changes an open agreement's text, due date or owner (to a colleague whose organisation may own
 * it, the ervaringsdeskundige too). Only the fields given change.
 */
export const updateAgreement = defineMutator({
  name: "updateAgreement",
  args: z.object({
    clientId: idSchema,
    agreementId: idSchema,
    text: agreementSchema.shape.text.optional(),
    dueDate: agreementSchema.shape.dueDate.optional(),
    ownerUserId: idSchema.optional(),
  }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "agreements" }),
  async run(tx, args, ctx) {
    const { agreement, client } = await visibleAgreement(tx, args.clientId, args.agreementId, ctx);
    if (agreement.status !== "open") throw new MutationRejected("invalid", "agreement.not-open", { agreement: agreement.text });
    let owner = { userId: agreement.ownerUserId, organisationId: agreement.ownerOrganisationId };
    if (args.ownerUserId && args.ownerUserId !== agreement.ownerUserId) {
      const consents = await tx.listByClient("consentEvents", args.clientId);
      const person = await agreementOwner(tx, args.ownerUserId, { mayOwn: (p) => mayOwnAgreements(p, client, consents, ctx.now, agreement.domain) });
      owner = { userId: person.id, organisationId: person.organisationId };
    }
    await tx.put("agreements", {
      ...agreement,
      text: args.text ?? agreement.text,
      dueDate: args.dueDate ?? agreement.dueDate,
      ownerUserId: owner.userId,
      ownerOrganisationId: owner.organisationId,
    });
  },
});

/** Whether the panel offers changing this client's afspraken (about `domain`): the same rule the mutators run. */
export function mayChangeAgreements(
  user: SessionUser,
  client: AccessSubject,
  consents: readonly ConsentEvent[],
  now: string,
  domain: LifeDomain | null = null,
): boolean {
  return caseWorkers.includes(user.role) && mayOwnAgreements(user, client, consents, now, domain);
}
