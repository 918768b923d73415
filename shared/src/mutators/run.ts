import type { z } from "zod";
import { type AccessDecision, accessibleCategories, canAccessAll, readOnlyUntil } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import { type MutationContext, MutationRejected, type Mutator } from "./define.ts";

/** What the audit log needs to know about an applied mutation: never the content itself. */
export interface MutationEffect {
  clientId: string;
  categories: DataCategory[];
  /** The consent that allowed it, or null when the user's organisation owns the client. */
  consentId: string | null;
  responsibleUserId: string;
}

const explain = (decision: AccessDecision & { allowed: false }) => {
  switch (decision.reason) {
    case "role":
      return "your role does not give access to client data";
    case "no-consent":
      return "the client has not consented to share this with your organisation";
    case "withdrawn":
      return `the client withdrew consent for your organisation on ${decision.since}`;
    case "expired":
      return `the client's consent for your organisation expired on ${decision.since}`;
    case "not-yet-valid":
      return `the client's consent for your organisation starts on ${decision.from}`;
    case "closed":
      return `the client was closed; sharing with your organisation ended on ${decision.since}`;
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
    throw new MutationRejected("forbidden", `a ${ctx.user.role} may not ${mutator.name}`);
  }
  const requirement = mutator.requires(args);
  const audited = mutator.audits?.(args) ?? [];
  if (requirement.kind === "new-client") {
    if (await tx.get("clients", requirement.clientId)) throw new MutationRejected("conflict", "a client with this id exists already");
    await mutator.run(tx, args, ctx);
    return { clientId: requirement.clientId, categories: [...new Set(audited)], consentId: null, responsibleUserId: ctx.user.id };
  }
  const client = await tx.get("clients", requirement.clientId);
  if (!client) throw new MutationRejected("not-found", "no such client");
  const consents = await tx.listByClient("consentEvents", client.id);
  let effect: MutationEffect;
  if (requirement.kind === "category") {
    // A record tied to a life domain needs that domain as well (an afspraak about housing).
    const needed =
      requirement.domain && requirement.domain !== requirement.category
        ? ([requirement.category, requirement.domain] as const)
        : ([requirement.category] as const);
    const decision = canAccessAll(ctx.user, client, needed, consents, ctx.now);
    if (!decision.allowed) throw new MutationRejected("forbidden", explain(decision));
    if (decision.basis === "handover" && !requirement.readOnly) {
      throw new MutationRejected("forbidden", `read-only after handing the client over, until ${decision.until}`);
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
    if (requirement.kind === "owner" && !isOwner) {
      throw new MutationRejected("forbidden", "only the organisation that holds this client may do this");
    }
    if (accessible.size === 0) throw new MutationRejected("forbidden", "this client is not shared with your organisation");
    const until = readOnlyUntil(accessible);
    if (requirement.kind === "any" && !requirement.readOnly && until) {
      throw new MutationRejected("forbidden", `read-only after handing the client over, until ${until}`);
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
