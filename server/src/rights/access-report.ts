import { type AccessReport, accessBasisOf, accessKindOf, collections, holderTimeline, type RecordOf } from "@naast/shared";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditLog, records } from "../db/schema.ts";
import type { Services } from "../services.ts";

async function all<C extends "handovers" | "handoverEvents">(services: Services, collection: C, clientId: string): Promise<RecordOf<C>[]> {
  const rows = await services.db
    .select({ data: records.data })
    .from(records)
    .where(and(eq(records.collection, collection), eq(records.clientId, clientId)));
  return rows.map((r) => collections[collection].parse(JSON.parse(r.data)) as RecordOf<C>);
}

/**
 * The inzage: every audited event about the client, oldest first, with who (person and
 * organisation, by name), what (the categories, never the content), when, and on which basis.
 * Built from the audit log, which holds every read (delivery to a device) and every change.
 */
export async function buildAccessReport(services: Services, client: RecordOf<"clients">): Promise<AccessReport> {
  const { db } = services;
  const rows = await db.select().from(auditLog).where(eq(auditLog.clientId, client.id)).orderBy(asc(auditLog.seq));
  const directory = await db
    .select({ collection: records.collection, id: records.id, data: records.data })
    .from(records)
    .where(and(isNull(records.clientId), inArray(records.collection, ["people", "organisations"])));
  const names = new Map(directory.map((d) => [`${d.collection}/${d.id}`, z.object({ name: z.string() }).parse(JSON.parse(d.data)).name]));
  const holders = holderTimeline(client.ownerOrganisationId, await all(services, "handovers", client.id), await all(services, "handoverEvents", client.id));
  return {
    clientId: client.id,
    alias: client.alias,
    birthYear: client.birthYear,
    holderName: names.get(`organisations/${client.ownerOrganisationId}`) ?? client.ownerOrganisationId,
    generatedAt: services.clock.nowIso(),
    entries: rows.map((row) => ({
      at: row.at,
      kind: accessKindOf(row.event),
      event: row.event,
      personId: row.userId,
      personName: row.userId ? (names.get(`people/${row.userId}`) ?? null) : null,
      organisationId: row.organisationId,
      organisationName: row.organisationId ? (names.get(`organisations/${row.organisationId}`) ?? null) : null,
      categories: z.array(z.string()).parse(JSON.parse(row.categories)),
      basis: accessBasisOf(row, holders),
      consentId: row.consentId,
      outcome: z.enum(["ok", "rejected", "denied"]).catch("ok").parse(row.outcome),
    })),
  };
}
