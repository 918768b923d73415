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
  return judge({ session, person: await findPerson(db, session.userId) }, tokenHash, now);
}

type SessionRow = typeof sessions.$inferSelect;
interface Found {
  session: SessionRow;
  person: Person | undefined;
}

/** What a session row and its person's record say now. */
function judge({ session, person }: Found, tokenHash: string, now: Date): SessionLookup {
  // Deactivation first: it also revokes her sessions, and "inactive" is what tells her device to wipe.
  if (!person?.active) return { status: "inactive" };
  if (session.revokedAt) return { status: "revoked" };
  if (Date.parse(session.expiresAt) <= now.getTime()) return { status: "expired" };
  return { status: "valid", person, tokenHash, expiresAt: session.expiresAt };
}

/**
 * Sessions and their people as last read, kept per token hash while the database's session
 * version (`sync_state` row 3, raised by triggers at every change to a session or a `people`
 * record, whoever writes it: any instance, the CLI) is the one they were read at. A request reads
 * that version first (`readHeads`, one statement it needs anyway), so a sign-out or deactivation
 * through any instance is enforced at the next request everywhere; the expiry is judged at every
 * request with the clock. Unknown tokens are never kept. See docs/decisions/0015.
 */
export class SessionCache {
  readonly #byHash = new Map<string, Found & { version: number }>();

  constructor(private readonly limit = 10_000) {}

  async lookUp(db: Db, token: string, sessionVersion: number, now = new Date()): Promise<SessionLookup> {
    const tokenHash = hashToken(token);
    let found = this.#byHash.get(tokenHash);
    if (!found || found.version !== sessionVersion) {
      const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
      if (!session) {
        this.#byHash.delete(tokenHash);
        return { status: "unknown" };
      }
      found = { session, person: await findPerson(db, session.userId), version: sessionVersion };
      if (this.#byHash.size >= this.limit) this.#byHash.clear();
      this.#byHash.set(tokenHash, found);
    }
    return judge(found, tokenHash, now);
  }

  /** This instance forgets a session at once (its sign-out); the others by the version. */
  forget(tokenHash: string): void {
    this.#byHash.delete(tokenHash);
  }
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
