import { createClient } from "@libsql/client";
import { clientIdOf, collections, encodeVisibility, visibilityOf } from "@naast/shared";
import { commit } from "../../server/src/db/commit.ts";
import { RecordTransaction } from "../../server/src/db/record-store.ts";
import type { Services } from "../../server/src/services.ts";
import { caseload, type GeneratedRecord } from "./data.ts";

/**
 * Writes records through the server's own record store and commit path (schema-checked,
 * visibility and client-organisation rows as a mutation would write them), in one transaction
 * and one change sequence, then tells live devices something changed.
 */
export async function writeRecords(services: Services, records: readonly GeneratedRecord[]): Promise<void> {
  await services.database.write(async (tx) => {
    const pending = new RecordTransaction(tx);
    for (const { collection, record } of records) await pending.put(collection, record);
    await commit(tx, pending, []);
  });
  services.changeFeed.check();
}

export interface BulkResult {
  rows: number;
  clients: number;
  organisations: number;
  bytes: number;
  ms: number;
}

/**
 * Fills an embedded database file with `rows` changes of other organisations' clients (their
 * records, plans, agreements and notes, ~0.3–0.7 KB each), straight into the file: multi-row
 * INSERTs in large transactions, the change sequence counting on from the current head.
 * The file's schema must exist (open it with the server's openDatabase first), and no server may
 * be writing to it meanwhile.
 */
export async function bulkInsertOtherOrganisations(databaseUrl: string, rows: number): Promise<BulkResult> {
  const started = performance.now();
  const client = createClient({ url: databaseUrl });
  await client.execute("PRAGMA synchronous = OFF");
  await client.execute("PRAGMA cache_size = -200000");
  const head = Number((await client.execute("select seq from sync_state where id = 1")).rows[0]?.seq ?? 0);
  const recordsPerClient = 50;
  const clientsPerOrganisation = 500;
  const perOrganisation = clientsPerOrganisation * recordsPerClient;
  const organisations = Math.ceil(rows / (perOrganisation + 1));
  let version = head;
  let written = 0;
  let bytes = 0;
  let clients = 0;
  const rowsPerStatement = 500;
  const recordSql = (n: number) =>
    `insert into records (collection, id, client_id, visibility, data, version) values ${Array.from({ length: n }, () => "(?,?,?,?,?,?)").join(",")}`;
  for (let o = 0; o < organisations && written < rows; o++) {
    const organisationId = `bulk-org-${o}`;
    const generated: GeneratedRecord[] = [
      {
        collection: "organisations" as const,
        record: collections.organisations.parse({ id: organisationId, name: `Zorgorganisatie ${o}`, shortName: `Org ${o}` }),
      },
      ...caseload({
        organisationId,
        responsibleUserId: `bulk-user-${o}`,
        prefix: `bulk${o}`,
        clients: clientsPerOrganisation,
        recordsPerClient,
        seed: 1_000 + o,
        minBytes: 300,
        maxBytes: 700,
      }),
    ].slice(0, rows - written);
    const tx = await client.transaction("write");
    try {
      for (let i = 0; i < generated.length; i += rowsPerStatement) {
        const chunk = generated.slice(i, i + rowsPerStatement);
        const args: (string | number | null)[] = [];
        for (const { collection, record } of chunk) {
          version += 1;
          const data = JSON.stringify(record);
          bytes += data.length;
          args.push(collection, record.id, clientIdOf(collection, record), encodeVisibility(visibilityOf(collection, record)), data, version);
        }
        await tx.execute({ sql: recordSql(chunk.length), args });
      }
      const clientIds = generated.filter((g) => g.collection === "clients").map((g) => g.record.id);
      clients += clientIds.length;
      for (let i = 0; i < clientIds.length; i += rowsPerStatement) {
        const chunk = clientIds.slice(i, i + rowsPerStatement);
        await tx.execute({
          sql: `insert into client_organisations (client_id, organisation_id) values ${chunk.map(() => "(?,?)").join(",")}`,
          args: chunk.flatMap((id) => [id, organisationId]),
        });
      }
      await tx.execute({ sql: "insert into sync_state (id, seq) values (1, ?) on conflict (id) do update set seq = excluded.seq", args: [version] });
      await tx.commit();
    } finally {
      tx.close();
    }
    written += generated.length;
  }
  client.close();
  return { rows: written, clients, organisations, bytes, ms: performance.now() - started };
}
