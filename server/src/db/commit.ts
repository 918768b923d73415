import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type AuditFacts, chainAuditRows } from "../audit/entry.ts";
import type { Db } from "./connect.ts";
import type { RecordTransaction } from "./record-store.ts";
import { accessVersionRow, auditLog, changeSeqRow, syncState } from "./schema.ts";

/**
 * Makes a transaction's writes real in one batch, together with their audit rows and whatever
 * else must happen atomically with them. Call under the write lock.
 */
export async function commit(db: Db, tx: RecordTransaction | null, facts: AuditFacts[], extra: BatchItem<"sqlite">[] = []): Promise<void> {
  const statements: BatchItem<"sqlite">[] = [...extra];
  if (tx?.hasWrites) {
    const [state] = await db.select({ seq: syncState.seq }).from(syncState).where(eq(syncState.id, changeSeqRow));
    const version = (state?.seq ?? 0) + 1;
    statements.push(...tx.statements(version));
    const stamp = (id: number) =>
      db
        .insert(syncState)
        .values({ id, seq: version })
        .onConflictDoUpdate({ target: syncState.id, set: { seq: sql`excluded.seq` } });
    statements.push(stamp(changeSeqRow));
    if (tx.changesAccess) statements.push(stamp(accessVersionRow));
  }
  if (facts.length > 0) statements.push(db.insert(auditLog).values(await chainAuditRows(db, facts)));
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
