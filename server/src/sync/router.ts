import { pullRequestSchema, pushRequestSchema } from "@naast/shared";
import { router, signedInProcedure } from "../trpc.ts";
import { pull } from "./pull.ts";
import { applyPush, validatePush } from "./push.ts";
import { checkProtocol } from "./refusals.ts";

export const syncRouter = router({
  push: signedInProcedure.input(pushRequestSchema).mutation(async ({ ctx, input }) => {
    checkProtocol(input.protocolVersion);
    const mutations = validatePush(input.mutations);
    await ctx.services.clientGroups.claim(input.clientGroupId, ctx.user.id);
    const results = await applyPush(ctx.services, { user: ctx.user, clientGroupId: input.clientGroupId, accessPoint: ctx.accessPoint, mutations });
    return { results };
  }),

  pull: signedInProcedure.input(pullRequestSchema).query(async ({ ctx, input }) => {
    checkProtocol(input.protocolVersion);
    return pull(ctx.services, { user: ctx.user, clientGroupId: input.clientGroupId, cursor: input.cursor, accessPoint: ctx.accessPoint, heads: ctx.heads });
  }),
});
