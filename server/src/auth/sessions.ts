import { type Person, personSchema } from "@naast/shared";
import { and, eq, isNull } from "drizzle-orm";
import type { AccessPoint } from "../audit/entry.ts";
import type { Db, Sql } from "../db/connect.ts";
import { records, sessions } from "../db/schema.ts";
import { hashToken, newSessionToken } from "./tokens.ts";

/** Run inside `database.write`, like every write. */
export async function startSession(db: Sql, userId: string, accessPoint: AccessPoint, ttlHours: number, now = new Date()) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, accessPoint, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

export type SessionLookup =
  | { status: "valid"; person: Person; tokenHash: string; expiresAt: string }
  | { status: "unknown" | "expired" | "revoked" | "inactive" };

export async function lookUpSession(db: Db, token: string, now = new Date()): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  if (!session) return { status: "unknown" };
  // Deactivation first: it also revokes her sessions, and "inactive" is what tells her device to wipe.
  const person = await findPerson(db, session.userId);
  if (!person?.active) return { status: "inactive" };
  if (session.revokedAt) return { status: "revoked" };
  if (Date.parse(session.expiresAt) <= now.getTime()) return { status: "expired" };
  return { status: "valid", person, tokenHash, expiresAt: session.expiresAt };
}

/** Run inside `database.write`, like every write. */
export async function revokeSession(db: Sql, tokenHash: string, now = new Date()) {
  await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function findPerson(db: Db, userId: string): Promise<Person | undefined> {
  const [row] = await db
    .select({ data: records.data })
    .from(records)
    .where(and(eq(records.collection, "people"), eq(records.id, userId)));
  return row ? personSchema.parse(JSON.parse(row.data)) : undefined;
}
