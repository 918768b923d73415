import { accessibleCategories, type ConsentEvent, collections, type Person, type RecordOf, refusal } from "@naast/shared";
import { and, eq } from "drizzle-orm";
import { type AccessPoint, type AuditFacts, chainAuditRows } from "../audit/entry.ts";
import { auditLog, records } from "../db/schema.ts";
import { refuse } from "../refusal.ts";
import type { Services } from "../services.ts";

/** Roles that never see a client's data (as in canAccess): no inzage or export by them either. */
const withoutClientData = new Set<Person["role"]>(["policy", "admin"]);

async function recordOf<C extends "clients" | "organisations">(services: Services, collection: C, id: string): Promise<RecordOf<C> | undefined> {
  const [row] = await services.db
    .select({ data: records.data })
    .from(records)
    .where(and(eq(records.collection, collection), eq(records.id, id)));
  return row ? (collections[collection].parse(JSON.parse(row.data)) as RecordOf<C>) : undefined;
}

/** Writes one audit row now, in a write transaction (serialised with every instance), chained like every other. */
export async function audit(services: Services, facts: AuditFacts): Promise<void> {
  await services.database.write(async (tx) => {
    await tx.insert(auditLog).values(await chainAuditRows(tx, [facts]));
  });
}

/**
 * A request under the AVG about one client (inzage, export) is the holding organisation's to
 * make, on the client's behalf: only it has the whole picture and the relationship with her.
 * Everyone else is refused, and the refusal names the client only to who may see her. The request
 * is audited either way (`event`), before anything is answered.
 */
export async function authoriseHolderRequest(
  services: Services,
  user: Person,
  accessPoint: AccessPoint,
  clientId: string,
  event: string,
): Promise<RecordOf<"clients">> {
  const now = services.clock.nowIso();
  const facts = (outcome: AuditFacts["outcome"], responsibleUserId: string | null): AuditFacts => ({
    at: now,
    event,
    userId: user.id,
    organisationId: user.organisationId,
    responsibleUserId,
    clientId,
    accessPoint,
    categories: [],
    consentId: null,
    outcome,
  });
  const client = await recordOf(services, "clients", clientId);
  if (!client) {
    await audit(services, facts("denied", null));
    throw refuse("NOT_FOUND", refusal("client.not-found"), "no such client");
  }
  if (withoutClientData.has(user.role)) {
    await audit(services, facts("denied", client.responsibleUserId));
    throw refuse("FORBIDDEN", refusal("access.no-data-role"), "this role sees no client data");
  }
  if (client.ownerOrganisationId !== user.organisationId) {
    await audit(services, facts("denied", client.responsibleUserId));
    const consents = (
      await services.db
        .select({ data: records.data })
        .from(records)
        .where(and(eq(records.collection, "consentEvents"), eq(records.clientId, clientId)))
    ).map((r) => collections.consentEvents.parse(JSON.parse(r.data)) as ConsentEvent);
    if (accessibleCategories(user, client, consents, now).size === 0) {
      throw refuse("FORBIDDEN", refusal("access.not-shared"), "this client is not shared with your organisation");
    }
    const holder = await recordOf(services, "organisations", client.ownerOrganisationId);
    throw refuse("FORBIDDEN", refusal("access.holder-only", { client: client.alias, holder: holder?.name ?? client.ownerOrganisationId }), "only the holder");
  }
  await audit(services, facts("ok", client.responsibleUserId));
  return client;
}
