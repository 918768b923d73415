import { z } from "zod";
import { caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { idSchema } from "../primitives.ts";
import { planDomainId, planDomainSchema, zrmScoreSchema } from "./schema.ts";

export const recordZrmScore = defineMutator({
  name: "recordZrmScore",
  args: zrmScoreSchema.pick({ id: true, clientId: true, domain: true, score: true, assessedOn: true }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: args.domain }),
  async run(tx, args, ctx) {
    // A replayed or duplicated score keeps the first one: the history is append-only.
    const existing = await tx.get("zrmScores", args.id);
    if (existing && existing.clientId !== args.clientId) throw new MutationRejected("conflict", "change.duplicate");
    if (existing) return;
    await tx.put("zrmScores", { ...args, assessedBy: ctx.user.id, recordedAt: ctx.now });
  },
});

/** Only the fields given change, so two colleagues editing different fields both keep theirs. */
export const updatePlanDomain = defineMutator({
  name: "updatePlanDomain",
  args: z.object({
    clientId: idSchema,
    domain: planDomainSchema.shape.domain,
    situation: planDomainSchema.shape.situation.optional(),
    goal: planDomainSchema.shape.goal.optional(),
  }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: args.domain }),
  async run(tx, args, ctx) {
    const id = planDomainId(args.clientId, args.domain);
    const current = await tx.get("planDomains", id);
    await tx.put("planDomains", {
      id,
      clientId: args.clientId,
      domain: args.domain,
      situation: args.situation ?? current?.situation ?? "",
      goal: args.goal ?? current?.goal ?? "",
      updatedAt: ctx.now,
      updatedBy: ctx.user.id,
    });
  },
});
