import { addMonths, collections, erasableFrom } from "@naast/shared";
import { and, eq, inArray, like, lt, sql } from "drizzle-orm";
import { type AccessPoint, type AuditFacts, chainAuditRows } from "../audit/entry.ts";
import type { Sql } from "../db/connect.ts";
import {
  accessVersionRow,
  auditLog,
  changeSeqRow,
  clientOrganisations,
  erasedClients,
  processedMutations,
  records,
  syncState,
  visibleSets,
} from "../db/schema.ts";
import type { Services } from "../services.ts";

/** A closed client whose retention period ended: what retention erases of her. */
export interface ErasableClient {
  clientId: string;
  closedSince: string;
  erasableFrom: string;
  /** Her records on the server, per collection. */
  records: Record<string, number>;
}

export interface RetentionReport {
  /** The moment the period was measured against. */
  asOf: string;
  months: number;
  clients: ErasableClient[];
  /** Remembered answers to pushes older than the period (they may hold a name in a refusal). */
  oldPushAnswers: number;
  erased: boolean;
}

/** The closed clients whose retention period has ended at `asOf`, with what the server holds of each. */
export async function findErasable(db: Sql, asOf: string, months: number): Promise<ErasableClient[]> {
  const closed = await db
    .select({ data: records.data })
    .from(records)
    .where(and(eq(records.collection, "clients"), sql`json_extract(${records.data}, '$.status') = 'closed'`));
  const due: Omit<ErasableClient, "records">[] = [];
  for (const row of closed) {
    const client = collections.clients.parse(JSON.parse(row.data));
    const from = erasableFrom(client, months);
    if (from !== null && Date.parse(from) <= Date.parse(asOf)) {
      due.push({ clientId: client.id, closedSince: client.closure?.closedAt ?? client.updatedAt, erasableFrom: from });
    }
  }
  if (due.length === 0) return [];
  const counts = await db
    .select({ clientId: records.clientId, collection: records.collection, n: sql<number>`count(*)` })
    .from(records)
    .where(
      inArray(
        records.clientId,
        due.map((d) => d.clientId),
      ),
    )
    .groupBy(records.clientId, records.collection);
  return due
    .map((d) => ({
      ...d,
      records: Object.fromEntries(counts.filter((c) => c.clientId === d.clientId).map((c) => [c.collection, Number(c.n)])),
    }))
    .sort((a, b) => a.erasableFrom.localeCompare(b.erasableFrom));
}

/**
 * Retention (docs/decisions/0013-retention.md): every record of a client closed longer than the
 * period is deleted, with her place in who-might-see-whom and every stored visible set that names
 * her; a tombstone makes every device purge her (her EPD links too) at its next pull. The audit
 * log keeps its rows (they hold no health content) and gets one more per client. Remembered push
 * answers older than the period go too. `dryRun` only reports. Decided and written in one write
 * transaction (serialised in the database against every instance and the CLI), so a client reopened meanwhile is not erased.
 */
export async function runRetention(services: Services, options: { dryRun: boolean; accessPoint: AccessPoint; asOf?: string }): Promise<RetentionReport> {
  const months = services.env.RETENTION_MONTHS;
  const asOf = options.asOf ?? services.clock.nowIso();
  const pushCutoff = addMonths(asOf, -months);
  const report = async (db: Sql = services.db): Promise<RetentionReport> => {
    const [old] = await db.select({ n: sql<number>`count(*)` }).from(processedMutations).where(lt(processedMutations.processedAt, pushCutoff));
    return { asOf, months, clients: await findErasable(db, asOf, months), oldPushAnswers: Number(old?.n ?? 0), erased: false };
  };
  if (options.dryRun) return report();
  const outcome = await services.database.write(async (tx) => {
    const found = await report(tx);
    if (found.clients.length === 0 && found.oldPushAnswers === 0) return found;
    const statements: PromiseLike<unknown>[] = [tx.delete(processedMutations).where(lt(processedMutations.processedAt, pushCutoff))];
    const facts: AuditFacts[] = [];
    if (found.clients.length > 0) {
      const [state] = await tx.select({ seq: syncState.seq }).from(syncState).where(eq(syncState.id, changeSeqRow));
      const version = (state?.seq ?? 0) + 1;
      for (const { clientId } of found.clients) {
        statements.push(
          tx.delete(records).where(eq(records.clientId, clientId)),
          tx.delete(clientOrganisations).where(eq(clientOrganisations.clientId, clientId)),
          // A stored visible set that names her would tell which categories someone saw: gone; a
          // device whose cursor pointed at it starts afresh.
          tx.delete(visibleSets).where(like(visibleSets.data, `%${JSON.stringify(clientId)}%`)),
          tx.insert(erasedClients).values({ clientId, erasedAt: asOf, version }).onConflictDoUpdate({ target: erasedClients.clientId, set: { version } }),
        );
        facts.push({
          at: asOf,
          event: "retention.erase",
          userId: null,
          organisationId: null,
          responsibleUserId: null,
          clientId,
          accessPoint: options.accessPoint,
          categories: [],
          consentId: null,
          outcome: "ok",
        });
      }
      // A change to who may see what: every instance's visible sets are recomputed, every cursor moves on.
      for (const id of [changeSeqRow, accessVersionRow]) {
        statements.push(
          tx
            .insert(syncState)
            .values({ id, seq: version })
            .onConflictDoUpdate({ target: syncState.id, set: { seq: sql`excluded.seq` } }),
        );
      }
      statements.push(tx.insert(auditLog).values(await chainAuditRows(tx, facts)));
    }
    // Inside the write transaction: all of it or nothing, serialised against every instance.
    for (const statement of statements) await statement;
    return { ...found, erased: true };
  });
  // Erased records leave no changed row for the change feed to find: every device hears it here
  // (other instances' devices at their next pull).
  if (outcome.clients.length > 0) services.live.notify(null);
  return outcome;
}
