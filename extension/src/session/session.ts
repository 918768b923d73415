import { db as defaultDb, type NaastDatabase, type Session } from "../storage/db.ts";
import { type Api, createApi } from "../sync/api.ts";

export const defaultServerUrl = "http://127.0.0.1:8787";

type LoginAnswer = Awaited<ReturnType<Api["auth"]["login"]["mutate"]>>;
type SignedInAnswer = Extract<LoginAnswer, { step: "signed-in" }>;

/** Where a sign-in stands after the password: done, or waiting for a code (from an app enrolled now or before). */
export type SignInStep =
  | { step: "signed-in"; session: Session; recoveryCodes: string[] | null }
  | { step: "second-factor"; serverUrl: string; challenge: string }
  | { step: "enrol"; serverUrl: string; challenge: string; secret: string; otpauthUri: string };

/** The password step. A server that asks for a second factor answers a challenge for `finishSignIn`. */
export async function startSignIn(serverUrl: string, email: string, password: string, database: NaastDatabase = defaultDb): Promise<SignInStep> {
  const url = new URL(serverUrl).origin;
  const answer = await createApi(url, null).auth.login.mutate({ email, password });
  if (answer.step === "signed-in") return { step: "signed-in", session: await keepSession(url, answer, database), recoveryCodes: null };
  return { ...answer, serverUrl: url };
}

/** The second step: the code from the authenticator app, or a recovery code. */
export async function finishSignIn(serverUrl: string, challenge: string, code: string, database: NaastDatabase = defaultDb): Promise<SignInStep> {
  const answer = await createApi(serverUrl, null).auth.secondFactor.mutate({ challenge, code });
  return { step: "signed-in", session: await keepSession(serverUrl, answer, database), recoveryCodes: answer.recoveryCodes };
}

/** A sign-in with the password alone (a server where the account needs no second factor). */
export async function signIn(serverUrl: string, email: string, password: string, database: NaastDatabase = defaultDb): Promise<Session> {
  const step = await startSignIn(serverUrl, email, password, database);
  if (step.step !== "signed-in") throw new Error(`this account signs in with a second factor (${step.step})`);
  return step.session;
}

async function keepSession(
  serverUrl: string,
  { token, expiresAt, user }: Pick<SignedInAnswer, "token" | "expiresAt" | "user">,
  database: NaastDatabase,
): Promise<Session> {
  const session: Session = { serverUrl, token, expiresAt, user, clientGroupId: crypto.randomUUID() };
  // A new sign-in starts from an empty device: nothing of a previous user may remain.
  await wipe(database);
  await database.setMeta("session", session);
  return session;
}

/**
 * Signs out and wipes the device: the session at the server (when it can be reached) and every
 * local table, including changes not yet sent — the panel warns before that. Tables are cleared
 * rather than the database deleted, so the background's open connection keeps working.
 */
export async function signOut(database: NaastDatabase = defaultDb): Promise<void> {
  const session = await database.getMeta("session");
  if (session) {
    await createApi(session.serverUrl, session.token)
      .auth.logout.mutate()
      .catch(() => undefined);
  }
  await wipe(database);
}

export async function wipe(database: NaastDatabase): Promise<void> {
  await database.transaction("rw", database.tables, () => Promise.all(database.tables.map((t) => t.clear())));
}
