import { db as defaultDb, type NaastDatabase, type Session } from "../storage/db.ts";
import { createApi } from "../sync/api.ts";

export const defaultServerUrl = "http://127.0.0.1:8787";

export async function signIn(serverUrl: string, email: string, password: string, database: NaastDatabase = defaultDb): Promise<Session> {
  const url = new URL(serverUrl).origin;
  const { token, expiresAt, user } = await createApi(url, null).auth.login.mutate({ email, password });
  const session: Session = { serverUrl: url, token, expiresAt, user, clientGroupId: crypto.randomUUID() };
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
