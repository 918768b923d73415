import { idSchema, refusal } from "@naast/shared";
import { z } from "zod";
import { findPerson } from "../auth/sessions.ts";
import { refuse } from "../refusal.ts";
import { orgAdminProcedure, router } from "../trpc.ts";
import { deactivateUser } from "./deactivate.ts";

export const directoryRouter = router({
  /** An organisation's admin ends a colleague's account: answers her open work for reassignment. */
  deactivateUser: orgAdminProcedure.input(z.object({ userId: idSchema })).mutation(async ({ ctx, input }) => {
    const person = await findPerson(ctx.services.db, input.userId);
    if (!person || person.organisationId !== ctx.user.organisationId) {
      throw refuse("NOT_FOUND", refusal("directory.person-not-found"), "no such person in your organisation");
    }
    if (person.id === ctx.user.id) throw refuse("BAD_REQUEST", refusal("directory.deactivate-self"), "you cannot deactivate your own account");
    return deactivateUser(ctx.services, person.id, { userId: ctx.user.id, accessPoint: ctx.accessPoint });
  }),
});
