import { createHash } from "node:crypto";
import { desc } from "drizzle-orm";
import type { Sql } from "../db/connect.ts";
import { auditLog } from "../db/schema.ts";

/** Where an audited event came from; "server": the server's own scheduled work (retention). */
export const accessPoints = ["extension", "cli", "api", "server"] as const;
export type AccessPoint = (typeof accessPoints)[number];

/** One audited event: who, on whose behalf, which client, which categories, under which consent. */
export interface AuditFacts {
  at: string;
  event: string;
  userId: string | null;
  organisationId: string | null;
  responsibleUserId: string | null;
  clientId: string | null;
  accessPoint: AccessPoint;
  categories: string[];
  consentId: string | null;
  outcome: "ok" | "rejected" | "denied";
}

export type AuditRow = typeof auditLog.$inferSelect;

export const genesisHash = "0".repeat(64);

/** The hash covers every field and the previous hash, in a fixed order. */
export function hashAuditRow(row: Omit<AuditRow, "hash">): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.event,
    row.userId,
    row.organisationId,
    row.responsibleUserId,
    row.clientId,
    row.accessPoint,
    row.categories,
    row.consentId,
    row.outcome,
    row.prevHash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Builds the next rows of the chain. Call inside a write transaction (`database.write`) and write
 * the rows in it, with what they describe: the head read here stays the head until it commits, in
 * every instance, so the chain cannot fork and the log and the data cannot disagree.
 */
export async function chainAuditRows(db: Sql, facts: AuditFacts[]): Promise<AuditRow[]> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return chainAfter(last, facts);
}

/** The rows that follow `last` (the chain's head, read under the write lock; none for an empty log). */
export function chainAfter(last: { seq: number; hash: string } | undefined, facts: AuditFacts[]): AuditRow[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? genesisHash;
  return facts.map((f) => {
    seq += 1;
    const base = { ...f, seq, categories: JSON.stringify([...f.categories].sort()), prevHash };
    const row = { ...base, hash: hashAuditRow(base) };
    prevHash = row.hash;
    return row;
  });
}
