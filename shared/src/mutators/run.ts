import type { z } from "zod";
import type { WriteTransaction } from "../store/transaction.ts";
import type { MutationContext, Mutator } from "./define.ts";
import { type MutationEffect, mayRun } from "./may-run.ts";

/**
 * Checks role and access (`mayRun`), then runs the mutator. The same path runs optimistically in
 * the extension and authoritatively on the server, so the panel never offers what the server refuses.
 */
export async function runMutation<S extends z.ZodType>(
  tx: WriteTransaction,
  mutator: Mutator<S>,
  args: z.infer<S>,
  ctx: MutationContext,
): Promise<MutationEffect> {
  const requirement = mutator.requires(args);
  const client = requirement.kind === "organisation" ? undefined : await tx.get("clients", requirement.clientId);
  const needsClient = client && requirement.kind !== "new-client";
  const consents = needsClient ? await tx.listByClient("consentEvents", client.id) : [];
  // The holder is named only in a refusal to someone who is not the holder.
  const holder = needsClient && client.ownerOrganisationId !== ctx.user.organisationId ? await tx.get("organisations", client.ownerOrganisationId) : undefined;
  const verdict = mayRun(mutator, args, { user: ctx.user, now: ctx.now, client, consents, holderName: holder?.name });
  if (!verdict.ok) throw verdict.refusal;
  await mutator.run(tx, args, ctx);
  const audited = mutator.audits?.(args) ?? [];
  // A change that records the basis others see it on (an escalation on the covenant) is audited under it.
  const recorded = mutator.auditBasis?.(args);
  return { ...verdict.effect, categories: [...new Set([...verdict.effect.categories, ...audited])], ...(recorded ? { consentId: recorded } : {}) };
}
