import { type Person, refusal } from "@naast/shared";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accounts } from "../db/schema.ts";
import { refuse } from "../refusal.ts";
import { publicProcedure, type RequestContext, router, signedInProcedure } from "../trpc.ts";
import { DeviceOfAnotherUser, deviceSecretFor, existingDeviceSecret } from "./device-keys.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import {
  beginEnrolment,
  closeChallenge,
  confirmEnrolment,
  looksLikeRecoveryCode,
  openChallenge,
  secondFactorOf,
  startChallenge,
  totpStep,
  useRecoveryCode,
  useTotpStep,
} from "./second-factor.ts";
import { findPerson, revokeSession, startSession } from "./sessions.ts";

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(1).max(1_000);

/** The panel goes back to the password step on this refusal's code. */
const challengeExpired = () => refuse("UNAUTHORIZED", refusal("signIn.challenge-expired"), "this sign-in has expired; enter your password again");

/** A device names itself with a random id (its key's server half is kept under it). */
export const deviceIdSchema = z.uuid();

/** Both factors are right (or only one is asked): a session, and the device's key half. */
async function signedIn(ctx: RequestContext, person: Person, deviceId: string | undefined) {
  const { database, env } = ctx.services;
  let deviceSecret: string | null = null;
  if (deviceId) {
    try {
      deviceSecret = await deviceSecretFor(database, person.id, deviceId);
    } catch (error) {
      if (error instanceof DeviceOfAnotherUser)
        throw refuse("BAD_REQUEST", refusal("signIn.device-of-another-user"), "this device belongs to someone else; sign out there first");
      throw error;
    }
  }
  const session = await database.write((tx) => startSession(tx, person.id, ctx.accessPoint, env.SESSION_TTL_HOURS));
  return { token: session.token, expiresAt: session.expiresAt, user: person, deviceSecret };
}

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ email: emailSchema, password: passwordSchema, deviceId: deviceIdSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { db, loginLimits, env } = ctx.services;
      // The address first: a flood of invented e-mails from one address is refused before it can
      // fill the per-account counter.
      const fromAddress = loginLimits.perAddress.tryAttempt(ctx.address);
      const forAccount = fromAddress ? loginLimits.perAccount.tryAttempt(input.email) : null;
      if (!fromAddress || !forAccount) {
        throw refuse("TOO_MANY_REQUESTS", refusal("signIn.too-many"), "too many sign-in attempts; wait a few minutes and try again");
      }
      const [account] = await db.select().from(accounts).where(eq(accounts.email, input.email));
      const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
      const person = account && passwordOk ? await findPerson(db, account.userId) : undefined;
      if (!person?.active) throw refuse("UNAUTHORIZED", refusal("signIn.wrong"), "e-mail address or password is not right");
      loginLimits.perAccount.reset(input.email);
      // A team behind one gateway shares its address: only failed attempts use up its budget.
      fromAddress.refund();
      const factor = await secondFactorOf(db, ctx.services.secretBox, person.id);
      if (factor.kind === "enrolled")
        return { step: "second-factor" as const, challenge: await startChallenge(ctx.services.database, person.id, ctx.accessPoint) };
      if (factor.kind === "enrolling" || env.SECOND_FACTOR === "required") {
        const { secret, otpauthUri } = await beginEnrolment(ctx.services.database, ctx.services.secretBox, person.id, input.email);
        return { step: "enrol" as const, challenge: await startChallenge(ctx.services.database, person.id, ctx.accessPoint), secret, otpauthUri };
      }
      return { step: "signed-in" as const, ...(await signedIn(ctx, person, input.deviceId)), recoveryCodes: null };
    }),

  /**
   * The second step: a code from the authenticator app (or a recovery code) for the challenge
   * the password step gave. The first right code after enrolment confirms it and answers the
   * recovery codes, once. Counted like passwords: per address and per account.
   */
  secondFactor: publicProcedure
    .input(z.object({ challenge: z.string().min(1).max(200), code: z.string().trim().min(1).max(40), deviceId: deviceIdSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { db, loginLimits, secretBox } = ctx.services;
      const fromAddress = loginLimits.perAddress.tryAttempt(ctx.address);
      const pending = fromAddress ? await openChallenge(db, input.challenge) : null;
      if (fromAddress && !pending) throw challengeExpired();
      const forAccount = pending ? loginLimits.perAccount.tryAttempt(`second-factor:${pending.userId}`) : null;
      if (!fromAddress || !pending || !forAccount) {
        throw refuse("TOO_MANY_REQUESTS", refusal("signIn.too-many"), "too many sign-in attempts; wait a few minutes and try again");
      }
      const factor = await secondFactorOf(db, secretBox, pending.userId);
      const step = factor.kind === "none" ? null : totpStep(factor.secret, input.code);
      // A right code counts once: sent again (a replay, or a second tab) it is refused, and, like a wrong one, counted.
      if (step !== null && !(await useTotpStep(ctx.services.database, pending.userId, step))) {
        throw refuse("UNAUTHORIZED", refusal("signIn.code-used"), "that code was used already; wait for the next code in your authenticator app");
      }
      const right =
        step !== null ||
        (factor.kind === "enrolled" && looksLikeRecoveryCode(input.code) && (await useRecoveryCode(ctx.services.database, pending.userId, input.code)));
      if (!right) throw refuse("UNAUTHORIZED", refusal("signIn.code-wrong"), "that code is not right; use the code your authenticator app shows now");
      const person = await findPerson(db, pending.userId);
      if (!person?.active || !(await closeChallenge(ctx.services.database, pending.tokenHash))) {
        throw challengeExpired();
      }
      loginLimits.perAccount.reset(`second-factor:${pending.userId}`);
      fromAddress.refund();
      const recoveryCodes = factor.kind === "enrolling" ? await confirmEnrolment(ctx.services.database, pending.userId) : null;
      return { step: "signed-in" as const, ...(await signedIn(ctx, person, input.deviceId)), recoveryCodes };
    }),

  /**
   * Unlocking a locked device: her password again, within a session that is still valid (its
   * second factor was given at sign-in). Answers the device's key half; counted like sign-ins.
   */
  unlock: signedInProcedure.input(z.object({ password: passwordSchema, deviceId: deviceIdSchema })).mutation(async ({ ctx, input }) => {
    const { db, loginLimits } = ctx.services;
    const fromAddress = loginLimits.perAddress.tryAttempt(ctx.address);
    const forAccount = fromAddress ? loginLimits.perAccount.tryAttempt(`unlock:${ctx.user.id}`) : null;
    if (!fromAddress || !forAccount) throw refuse("TOO_MANY_REQUESTS", refusal("signIn.too-many"), "too many attempts; wait a few minutes and try again");
    const [account] = await db.select().from(accounts).where(eq(accounts.userId, ctx.user.id));
    if (!account || !(await verifyPassword(account.passwordHash, input.password))) {
      throw refuse("FORBIDDEN", refusal("unlock.password-wrong"), "that password is not right");
    }
    const deviceSecret = await existingDeviceSecret(db, ctx.user.id, input.deviceId);
    if (!deviceSecret) throw refuse("NOT_FOUND", refusal("unlock.device-unknown"), "this device is not known; sign in again");
    loginLimits.perAccount.reset(`unlock:${ctx.user.id}`);
    fromAddress.refund();
    return { deviceSecret };
  }),

  logout: signedInProcedure.mutation(async ({ ctx }) => {
    await ctx.services.database.write((tx) => revokeSession(tx, ctx.tokenHash));
    ctx.services.sessions.forget(ctx.tokenHash);
    // Her live streams on this instance end now; on the others at their next heartbeat.
    ctx.services.live.recheckUser(ctx.user.id);
    return { signedOut: true as const };
  }),

  me: signedInProcedure.query(({ ctx }) => ({ user: ctx.user, expiresAt: ctx.sessionExpiresAt })),
});
