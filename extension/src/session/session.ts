import { db as defaultDb, type NaastDatabase, type Session } from "../storage/db.ts";
import { deriveDataKey } from "../storage/derive-key.ts";
import { type Api, createApi } from "../sync/api.ts";
import { checkedServerOrigin } from "./server-address.ts";

export const defaultServerUrl = "http://127.0.0.1:8787";

type LoginAnswer = Awaited<ReturnType<Api["auth"]["login"]["mutate"]>>;
type SignedInAnswer = Extract<LoginAnswer, { step: "signed-in" }>;

/** Where a sign-in stands after the password: done, or waiting for a code (from an app enrolled now or before). */
export type SignInStep =
  | { step: "signed-in"; session: Session; recoveryCodes: string[] | null }
  | { step: "second-factor"; serverUrl: string; email: string; deviceId: string; challenge: string }
  | { step: "enrol"; serverUrl: string; email: string; deviceId: string; challenge: string; secret: string; otpauthUri: string };

/** The password step. A server that asks for a second factor answers a challenge for `finishSignIn`. */
export async function startSignIn(serverUrl: string, email: string, password: string, database: NaastDatabase = defaultDb): Promise<SignInStep> {
  // https, or loopback: plain http elsewhere is refused before the password leaves the device.
  const url = checkedServerOrigin(serverUrl);
  // Signing in again after a session ended keeps the device's name, so the server answers the
  // same key half and the sealed records and outbox open again. Anyone else starts afresh: a new
  // name, so a new key half at the server.
  const deviceId = (await resumableDevice(url, email, database)) ?? crypto.randomUUID();
  const answer = await createApi(url, null).auth.login.mutate({ email, password, deviceId });
  if (answer.step === "signed-in")
    return { step: "signed-in", session: await keepSession(url, deviceId, email, password, answer, database), recoveryCodes: null };
  return { ...answer, serverUrl: url, email, deviceId };
}

/** The second step: the code from the authenticator app, or a recovery code (the password again, for the data key). */
export async function finishSignIn(
  waiting: Exclude<SignInStep, { step: "signed-in" }>,
  password: string,
  code: string,
  database: NaastDatabase = defaultDb,
): Promise<SignInStep> {
  const answer = await createApi(waiting.serverUrl, null).auth.secondFactor.mutate({ challenge: waiting.challenge, code, deviceId: waiting.deviceId });
  return {
    step: "signed-in",
    session: await keepSession(waiting.serverUrl, waiting.deviceId, waiting.email, password, answer, database),
    recoveryCodes: answer.recoveryCodes,
  };
}

/**
 * Unlocks a locked device with the password: the server checks it within the still-valid
 * session and answers the device's key half; the outbox and everything else stay as they were.
 */
export async function unlockDevice(password: string, database: NaastDatabase = defaultDb): Promise<void> {
  const session = await database.getMeta("session");
  const deviceId = await database.getMeta("deviceId");
  const salt = await database.getMeta("keySalt");
  if (!session || !deviceId || !salt || !database.keys) throw new Error("this device has no key to unlock; sign in again");
  const { deviceSecret } = await createApi(session.serverUrl, session.token).auth.unlock.mutate({ password, deviceId });
  await database.keys.unlock(await deriveDataKey(deviceSecret, password, fromBase64(salt)));
}

/** A sign-in with the password alone (a server where the account needs no second factor). */
export async function signIn(serverUrl: string, email: string, password: string, database: NaastDatabase = defaultDb): Promise<Session> {
  const step = await startSignIn(serverUrl, email, password, database);
  if (step.step !== "signed-in") throw new Error(`this account signs in with a second factor (${step.step})`);
  return step.session;
}

/** The device's name, when this device holds an ended session of the same person at the same server. */
async function resumableDevice(serverUrl: string, email: string, database: NaastDatabase): Promise<string | null> {
  const previous = await database.getMeta("session");
  if (!previous?.email || previous.serverUrl !== serverUrl || previous.email.toLowerCase() !== email.trim().toLowerCase()) return null;
  return (await database.getMeta("deviceId")) ?? null;
}

async function keepSession(
  serverUrl: string,
  deviceId: string,
  email: string,
  password: string,
  { token, expiresAt, user, deviceSecret }: Pick<SignedInAnswer, "token" | "expiresAt" | "user" | "deviceSecret">,
  database: NaastDatabase,
): Promise<Session> {
  const resumed = await resumeSession(serverUrl, deviceId, email, password, { token, expiresAt, user, deviceSecret }, database);
  if (resumed) return resumed;
  const session: Session = { serverUrl, token, expiresAt, user, email, clientGroupId: crypto.randomUUID() };
  // A new sign-in starts from an empty device: nothing of a previous user may remain.
  await wipe(database);
  if (database.keys) {
    if (!deviceSecret) throw new Error("the server gave no key for this device");
    const salt = crypto.getRandomValues(new Uint8Array(16));
    await database.keys.unlock(await deriveDataKey(deviceSecret, password, salt));
    await database.setMeta("keySalt", toBase64(salt));
  }
  await database.setMeta("deviceId", deviceId);
  await database.setMeta("session", session);
  return session;
}

/**
 * The same person signing in again on the same device after her session ended (expired,
 * revoked): the records, the outbox, the cursor and the client group stay, so what she did
 * while signed out is sent now. Only another person, or an explicit sign-out, wipes the device.
 */
async function resumeSession(
  serverUrl: string,
  deviceId: string,
  email: string,
  password: string,
  { token, expiresAt, user, deviceSecret }: Pick<SignedInAnswer, "token" | "expiresAt" | "user" | "deviceSecret">,
  database: NaastDatabase,
): Promise<Session | null> {
  const previous = await database.getMeta("session");
  if (!previous || previous.user.id !== user.id || previous.serverUrl !== serverUrl || (await database.getMeta("deviceId")) !== deviceId) return null;
  if (database.keys) {
    const salt = await database.getMeta("keySalt");
    if (!salt || !deviceSecret) return null;
    await database.keys.unlock(await deriveDataKey(deviceSecret, password, fromBase64(salt)));
  }
  const session: Session = { ...previous, token, expiresAt, user, email };
  await database.setMeta("session", session);
  const status = await database.getMeta("syncStatus");
  if (status) await database.setMeta("syncStatus", { ...status, lastError: null });
  return session;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

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
  await database.keys?.lock();
}

export async function wipe(database: NaastDatabase): Promise<void> {
  await database.transaction("rw", database.tables, () => Promise.all(database.tables.map((t) => t.clear())));
}
