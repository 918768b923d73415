import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { AccessPoint } from "../audit/entry.ts";
import type { Database, Db } from "../db/connect.ts";
import { loginChallenges, recoveryCodes, secondFactors } from "../db/schema.ts";
import type { SecretBox } from "./secret-box.ts";
import { hashToken, newSessionToken } from "./tokens.ts";

/** How long a right password waits for its code. */
const challengeTtlMs = 5 * 60_000;
export const recoveryCodeCount = 10;

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 s. */
function totpOf(secret: string, email: string): TOTP {
  return new TOTP({ issuer: "Naast", label: email, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export type SecondFactorState = { kind: "none" } | { kind: "enrolling" | "enrolled"; secret: string };

/** Her second factor, the secret opened (it is stored sealed, see secret-box.ts). */
export async function secondFactorOf(db: Db, box: SecretBox, userId: string): Promise<SecondFactorState> {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (!row) return { kind: "none" };
  return { kind: row.confirmedAt ? "enrolled" : "enrolling", secret: box.open(userId, row.secret) };
}

/**
 * Starts (or restarts) enrolment: a fresh secret, unconfirmed until the first right code. A
 * restart replaces an unconfirmed secret, so a QR code shown earlier on a lost screen stops working.
 */
export async function beginEnrolment(database: Database, box: SecretBox, userId: string, email: string, now = new Date()) {
  const secret = new Secret({ size: 20 }).base32;
  const sealed = box.seal(userId, secret);
  const row = { secret: sealed, createdAt: now.toISOString(), confirmedAt: null, lastUsedStep: null };
  await database.write((tx) =>
    tx
      .insert(secondFactors)
      .values({ userId, ...row })
      .onConflictDoUpdate({ target: secondFactors.userId, set: row }),
  );
  return { secret, otpauthUri: totpOf(secret, email).toString() };
}

const periodMs = 30_000;

/**
 * The time step of a right code (one period either side is right: clocks on phones drift), or
 * null when it is not right.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secret, "").validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / periodMs) + delta;
}

/**
 * Uses up a code's time step: true when it is later than the last step she used. A code is then
 * taken once, and none older than one already taken (RFC 6238, 5.2); one conditional update, so
 * two requests with the same code, on any instances, get one yes.
 */
export async function useTotpStep(database: Database, userId: string, step: number): Promise<boolean> {
  const used = await database.write((tx) =>
    tx
      .update(secondFactors)
      .set({ lastUsedStep: step })
      .where(and(eq(secondFactors.userId, userId), or(isNull(secondFactors.lastUsedStep), lt(secondFactors.lastUsedStep, step))))
      .returning({ userId: secondFactors.userId }),
  );
  return used.length === 1;
}

/** Confirms enrolment and hands out the recovery codes, once: only their hashes are kept. */
export async function confirmEnrolment(database: Database, userId: string, now = new Date()): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await database.write(async (tx) => {
    await tx.update(secondFactors).set({ confirmedAt: now.toISOString() }).where(eq(secondFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), usedAt: null })));
  });
  return codes;
}

/** Twelve letters and digits in three groups: 60 bits, easy to copy from paper. */
function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz023456789"; // 32 signs, none alike (no i, l, o, 1)
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

const hashRecoveryCode = (code: string) =>
  createHash("sha256")
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .digest("hex");

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(code.trim());

/** Uses up a recovery code: true when it was one of hers and not used before. */
export async function useRecoveryCode(database: Database, userId: string, code: string, now = new Date()): Promise<boolean> {
  const used = await database.write((tx) =>
    tx
      .update(recoveryCodes)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ codeHash: recoveryCodes.codeHash }),
  );
  return used.length === 1;
}

/** A right password waiting for its second factor: a token that is not a session. */
export async function startChallenge(database: Database, userId: string, accessPoint: AccessPoint, now = new Date()): Promise<string> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + challengeTtlMs).toISOString();
  await database.write((tx) => tx.insert(loginChallenges).values({ tokenHash: hashToken(token), userId, accessPoint, expiresAt, usedAt: null }));
  return token;
}

export async function openChallenge(db: Db, token: string, now = new Date()): Promise<{ userId: string; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const [row] = await db.select().from(loginChallenges).where(eq(loginChallenges.tokenHash, tokenHash));
  if (!row || row.usedAt || Date.parse(row.expiresAt) <= now.getTime()) return null;
  return { userId: row.userId, tokenHash };
}

/** Marks a challenge used; false when another request used it first (one session per challenge). */
export async function closeChallenge(database: Database, tokenHash: string, now = new Date()): Promise<boolean> {
  const closed = await database.write((tx) =>
    tx
      .update(loginChallenges)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(loginChallenges.tokenHash, tokenHash), isNull(loginChallenges.usedAt)))
      .returning({ tokenHash: loginChallenges.tokenHash }),
  );
  return closed.length === 1;
}
