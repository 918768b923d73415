import { eq, sql } from "drizzle-orm";
import { type AuditFacts, chainAuditRows } from "../audit/entry.ts";
import type { Sql } from "./connect.ts";
import type { RecordTransaction } from "./record-store.ts";
import { accessVersionRow, auditLog, changeSeqRow, syncState } from "./schema.ts";

/** A statement built on the same write transaction, run when awaited (drizzle's builders are lazy). */
export type Statement = PromiseLike<unknown>;

/**
 * Makes a transaction's writes real together with their audit rows and whatever else must happen
 * atomically with them. Call inside `database.write`, with that transaction: the change sequence
 * and the audit chain's head are read and advanced under the database's write lock, so no other
 * writer (another instance, the CLI) can take the same number.
 */
export async function commit(tx: Sql, records: RecordTransaction | null, facts: AuditFacts[], extra: Statement[] = []): Promise<void> {
  for (const statement of extra) await statement;
  if (records?.hasWrites) {
    const [state] = await tx.select({ seq: syncState.seq }).from(syncState).where(eq(syncState.id, changeSeqRow));
    const version = (state?.seq ?? 0) + 1;
    for (const statement of records.statements(version)) await statement;
    const stamp = (id: number) =>
      tx
        .insert(syncState)
        .values({ id, seq: version })
        .onConflictDoUpdate({ target: syncState.id, set: { seq: sql`excluded.seq` } });
    await stamp(changeSeqRow);
    if (records.changesAccess) await stamp(accessVersionRow);
  }
  if (facts.length > 0) await tx.insert(auditLog).values(await chainAuditRows(tx, facts));
}
