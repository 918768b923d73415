import { type ClientExport, type CollectionName, collectionNames, collections, type RecordOf } from "@naast/shared";
import { asc, eq } from "drizzle-orm";
import { records } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { buildAccessReport } from "./access-report.ts";

const isCollection = (name: string): name is CollectionName => (collectionNames as readonly string[]).includes(name);

/** Every record the server holds with her id, checked against its schema, and the access log. */
export async function buildClientExport(services: Services, client: RecordOf<"clients">): Promise<ClientExport> {
  const rows = await services.db
    .select({ collection: records.collection, data: records.data })
    .from(records)
    .where(eq(records.clientId, client.id))
    .orderBy(asc(records.version));
  const byCollection: Record<string, Record<string, unknown>[]> = {};
  for (const row of rows) {
    if (!isCollection(row.collection)) continue;
    const record = collections[row.collection].parse(JSON.parse(row.data)) as Record<string, unknown>;
    byCollection[row.collection] = [...(byCollection[row.collection] ?? []), record];
  }
  const report = await buildAccessReport(services, client);
  return {
    format: "naast-client-export/1",
    clientId: client.id,
    alias: client.alias,
    holderName: report.holderName,
    generatedAt: report.generatedAt,
    records: byCollection,
    accessLog: report.entries,
  };
}
