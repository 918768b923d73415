import { portalAdapterSchema } from "@naast/shared";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { orgAdminProcedure, router } from "../trpc.ts";
import { AdapterRefused, listPortalAdapters, removePortalAdapter, savePortalAdapter } from "./adapters.ts";

const refused = (error: unknown): never => {
  if (error instanceof AdapterRefused)
    throw new TRPCError({ code: error.code === "adapter-unknown" ? "NOT_FOUND" : "FORBIDDEN", message: `${error.code}: ${error.message}` });
  throw error;
};

/** An organisation's admin manages her own organisation's EPD portals (`pnpm cli adapter`). */
export const adaptersRouter = router({
  list: orgAdminProcedure.query(({ ctx }) => listPortalAdapters(ctx.services, ctx.user.organisationId)),
  /** The organisation is the admin's own, whatever the input says. */
  save: orgAdminProcedure
    .input(portalAdapterSchema.omit({ organisationId: true, removedAt: true }))
    .mutation(({ ctx, input }) =>
      savePortalAdapter(ctx.services, { ...input, organisationId: ctx.user.organisationId }, ctx.accessPoint, ctx.user).catch(refused),
    ),
  remove: orgAdminProcedure
    .input(z.object({ id: z.string().min(1).max(300) }))
    .mutation(({ ctx, input }) => removePortalAdapter(ctx.services, input.id, ctx.accessPoint, ctx.user).catch(refused)),
});
