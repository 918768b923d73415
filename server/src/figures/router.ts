import { figuresPeriodSchema, figuresSchema, mayReadFigures, refusal } from "@naast/shared";
import { refuse } from "../refusal.ts";
import { router, signedInProcedure } from "../trpc.ts";
import { auditFiguresRequest } from "./audit.ts";
import { computeFigures } from "./compute.ts";

/** The municipality's figures (issue 16): policy officers, coordinators and admins; every request audited. */
export const figuresRouter = router({
  read: signedInProcedure
    .input(figuresPeriodSchema)
    .output(figuresSchema)
    .mutation(async ({ ctx, input }) => {
      const who = { userId: ctx.user.id, organisationId: ctx.user.organisationId, accessPoint: ctx.accessPoint };
      if (!mayReadFigures(ctx.user.role)) {
        await auditFiguresRequest(ctx.services, who, input, "denied");
        throw refuse("FORBIDDEN", refusal("access.figures-role", { role: ctx.user.role }), "only policy officers, coordinators and admins see the figures");
      }
      // Logged before it is answered: no figures leave without their request in the audit log.
      await auditFiguresRequest(ctx.services, who, input, "ok");
      return computeFigures(ctx.services, input);
    }),
});
