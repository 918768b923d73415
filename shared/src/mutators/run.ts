import type { z } from "zod";
import { type AccessDecision, accessibleCategories, canAccessAll, readOnlyUntil } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import { type MutationContext, MutationRejected, type Mutator } from "./define.ts";

/** What the audit log needs to know about an applied mutation: never the content itself. */
export interface MutationEffect {
  /** Null for an organisation's own setting, which is about no client. */
  clientId: string | null;
  categories: DataCategory[];
  /** The consent that allowed it, or null when the user's organisation owns the client. */
  consentId: string | null;
  responsibleUserId: string;
}

/** Why the user may not: without naming the client, whom she may not see. */
const refuse = (decision: AccessDecision & { allowed: false }): MutationRejected => {
  switch (decision.reason) {
    case "role":
      return new MutationRejected("forbidden", "access.no-data-role");
    case "no-consent":
      return new MutationRejected("forbidden", "access.no-consent");
    case "withdrawn":
      return new MutationRejected("forbidden", "access.withdrawn", { since: decision.since });
    case "expired":
      return new MutationRejected("forbidden", "access.expired", { since: decision.since });
    case "not-yet-valid":
      return new MutationRejected("forbidden", "access.not-yet-valid", { from: decision.from });
    case "closed":
      return new MutationRejected("forbidden", "access.closed", { since: decision.since });
  }
};

/**
 * Checks role and access, then runs the mutator. The same path runs optimistically in the
 * extension and authoritatively on the server, so the panel never offers what the server refuses.
 */
export async function runMutation<S extends z.ZodType>(
  tx: WriteTransaction,
  mutator: Mutator<S>,
  args: z.infer<S>,
  ctx: MutationContext,
): Promise<MutationEffect> {
  if (!mutator.roles.includes(ctx.user.role)) {
    throw new MutationRejected("forbidden", "access.role", { role: ctx.user.role, mutation: mutator.name });
  }
  const requirement = mutator.requires(args);
  const audited = mutator.audits?.(args) ?? [];
  if (requirement.kind === "new-client") {
    if (await tx.get("clients", requirement.clientId)) throw new MutationRejected("conflict", "client.exists");
    await mutator.run(tx, args, ctx);
    return { clientId: requirement.clientId, categories: [...new Set(audited)], consentId: null, responsibleUserId: ctx.user.id };
  }
  if (requirement.kind === "organisation") {
    if (requirement.organisationId !== ctx.user.organisationId) throw new MutationRejected("forbidden", "access.own-organisation-only");
    await mutator.run(tx, args, ctx);
    return { clientId: null, categories: [...new Set(audited)], consentId: null, responsibleUserId: ctx.user.id };
  }
  const client = await tx.get("clients", requirement.clientId);
  if (!client) throw new MutationRejected("not-found", "client.not-found");
  const consents = await tx.listByClient("consentEvents", client.id);
  let effect: MutationEffect;
  if (requirement.kind === "category") {
    // A record tied to a life domain needs that domain as well (an afspraak about housing).
    const needed =
      requirement.domain && requirement.domain !== requirement.category
        ? ([requirement.category, requirement.domain] as const)
        : ([requirement.category] as const);
    const decision = canAccessAll(ctx.user, client, needed, consents, ctx.now);
    if (!decision.allowed) throw refuse(decision);
    if (decision.basis === "handover" && !requirement.readOnly) {
      throw new MutationRejected("forbidden", "access.read-only", { client: client.alias, until: decision.until });
    }
    effect = {
      clientId: client.id,
      categories: [...new Set([...needed, ...audited])],
      consentId: decision.basis === "consent" ? decision.consentId : null,
      responsibleUserId: client.responsibleUserId,
    };
  } else {
    const accessible = accessibleCategories(ctx.user, client, consents, ctx.now);
    const isOwner = client.ownerOrganisationId === ctx.user.organisationId;
    // First whether she may see the client at all: only then may the refusal name her and her holder.
    if (accessible.size === 0) throw new MutationRejected("forbidden", "access.not-shared");
    if (requirement.kind === "owner" && !isOwner) {
      const holder = await tx.get("organisations", client.ownerOrganisationId);
      throw new MutationRejected("forbidden", "access.holder-only", { client: client.alias, holder: holder?.name ?? client.ownerOrganisationId });
    }
    const until = readOnlyUntil(accessible);
    if (requirement.kind === "any" && !requirement.readOnly && until) {
      throw new MutationRejected("forbidden", "access.read-only", { client: client.alias, until });
    }
    const firstConsent = [...accessible.values()].find((d) => d.basis === "consent");
    effect = {
      clientId: client.id,
      categories: [...new Set(audited)],
      consentId: isOwner || !firstConsent || firstConsent.basis !== "consent" ? null : firstConsent.consentId,
      responsibleUserId: client.responsibleUserId,
    };
  }
  await mutator.run(tx, args, ctx);
  return effect;
}
