import { idSchema } from "@naast/shared";
import { z } from "zod";
import { router, signedInProcedure } from "../trpc.ts";
import { buildAccessReport } from "./access-report.ts";
import { buildClientExport } from "./client-export.ts";
import { authoriseHolderRequest } from "./holder-request.ts";

/** The client's rights under the AVG, asked for by the organisation that holds her. */
export const rightsRouter = router({
  /** Inzage (art. 15; NEN 7513): who read or changed what of her, when, on which basis. Audited. */
  accessReport: signedInProcedure.input(z.object({ clientId: idSchema })).mutation(async ({ ctx, input }) => {
    const client = await authoriseHolderRequest(ctx.services, ctx.user, ctx.accessPoint, input.clientId, "rights.accessReport");
    return buildAccessReport(ctx.services, client);
  }),
  /** Export (art. 15 and 20): everything Naast holds about her, as JSON; the panel makes the readable PDF of it. Audited. */
  export: signedInProcedure.input(z.object({ clientId: idSchema })).mutation(async ({ ctx, input }) => {
    const client = await authoriseHolderRequest(ctx.services, ctx.user, ctx.accessPoint, input.clientId, "rights.export");
    return buildClientExport(ctx.services, client);
  }),
});
