import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accounts } from "../db/schema.ts";
import { publicProcedure, router, signedInProcedure } from "../trpc.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import { findPerson, revokeSession, startSession } from "./sessions.ts";

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(1).max(1_000);

export const authRouter = router({
  login: publicProcedure.input(z.object({ email: emailSchema, password: passwordSchema })).mutation(async ({ ctx, input }) => {
    const { db, loginLimits, env } = ctx.services;
    // The address first: a flood of invented e-mails from one address is refused before it can
    // fill the per-account counter.
    const fromAddress = loginLimits.perAddress.tryAttempt(ctx.address);
    const forAccount = fromAddress ? loginLimits.perAccount.tryAttempt(input.email) : null;
    if (!fromAddress || !forAccount) {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "too many sign-in attempts; wait a few minutes and try again" });
    }
    const [account] = await db.select().from(accounts).where(eq(accounts.email, input.email));
    const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
    const person = account && passwordOk ? await findPerson(db, account.userId) : undefined;
    if (!person?.active) throw new TRPCError({ code: "UNAUTHORIZED", message: "e-mail address or password is not right" });
    loginLimits.perAccount.reset(input.email);
    // A team behind one gateway shares its address: only failed attempts use up its budget.
    fromAddress.refund();
    const session = await startSession(db, person.id, ctx.accessPoint, env.SESSION_TTL_HOURS);
    return { token: session.token, expiresAt: session.expiresAt, user: person };
  }),

  logout: signedInProcedure.mutation(async ({ ctx }) => {
    await revokeSession(ctx.services.db, ctx.tokenHash);
    return { signedOut: true as const };
  }),

  me: signedInProcedure.query(({ ctx }) => ({ user: ctx.user, expiresAt: ctx.sessionExpiresAt })),
});
