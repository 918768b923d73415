import { idSchema, refusal } from "@naast/shared";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { findPerson } from "../auth/sessions.ts";
import { accounts } from "../db/schema.ts";
import { refuse } from "../refusal.ts";
import { orgAdminProcedure, router } from "../trpc.ts";
import { deactivateUser } from "./deactivate.ts";
import { auditOpenWorkRead, peopleOf, unassignedWorkOf } from "./open-work.ts";

/**
 * An organisation's admin and her own organisation's accounts (issue 18, point 4; the Beheer view
 * in the panel). Everything about clients she is told is what her organisation may see, and is
 * audited as a read of them.
 */
export const directoryRouter = router({
  /** Her organisation's people, with their sign-in address and whether the account is active. No client data. */
  listUsers: orgAdminProcedure.query(async ({ ctx }) => {
    const people = await peopleOf(ctx.services.db, ctx.user.organisationId);
    const emails = people.length
      ? await ctx.services.db
          .select({ userId: accounts.userId, email: accounts.email })
          .from(accounts)
          .where(
            inArray(
              accounts.userId,
              people.map((p) => p.id),
            ),
          )
      : [];
    const emailOf = new Map(emails.map((e) => [e.userId, e.email]));
    return people
      .map((p) => ({ id: p.id, name: p.name, role: p.role, active: p.active, email: emailOf.get(p.id) ?? null }))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, "nl"));
  }),

  /** Ends a colleague's account: answers her open work, as far as her organisation may see it, for reassignment. */
  deactivateUser: orgAdminProcedure.input(z.object({ userId: idSchema })).mutation(async ({ ctx, input }) => {
    const person = await findPerson(ctx.services.db, input.userId);
    if (!person || person.organisationId !== ctx.user.organisationId) {
      throw refuse("NOT_FOUND", refusal("directory.person-not-found"), "no such person in your organisation");
    }
    if (person.id === ctx.user.id) throw refuse("BAD_REQUEST", refusal("directory.deactivate-self"), "you cannot deactivate your own account");
    const work = await deactivateUser(
      ctx.services,
      person.id,
      { userId: ctx.user.id, accessPoint: ctx.accessPoint },
      { organisationId: ctx.user.organisationId, now: ctx.services.clock.nowIso() },
    );
    const who = { userId: ctx.user.id, organisationId: ctx.user.organisationId, accessPoint: ctx.accessPoint };
    await auditOpenWorkRead(ctx.services, who, "directory.openWork", [work]);
    return work;
  }),

  /**
   * The open work of her organisation's deactivated colleagues that still has no new owner: the
   * reassignment list, reachable after the deactivation too.
   */
  unassignedWork: orgAdminProcedure.query(async ({ ctx }) => {
    const work = await unassignedWorkOf(ctx.services.db, ctx.user.organisationId, ctx.services.clock.nowIso());
    const who = { userId: ctx.user.id, organisationId: ctx.user.organisationId, accessPoint: ctx.accessPoint };
    await auditOpenWorkRead(ctx.services, who, "directory.openWork", work);
    return work;
  }),
});
