import {
  type Agreement,
  agreementSchema,
  type Client,
  type ConsentEvent,
  categoriesOf,
  clientSchema,
  collections,
  organisationMaySee,
  type Person,
  personSchema,
  visibilityOf,
} from "@naast/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type AccessPoint, type AuditFacts, chainAuditRows } from "../audit/entry.ts";
import type { Db } from "../db/connect.ts";
import { auditLog, records } from "../db/schema.ts";
import type { Services } from "../services.ts";

/** What a deactivated person leaves behind: her clients and her open afspraken, to be handed to a colleague. */
export interface OpenWork {
  person: Person;
  clients: Pick<Client, "id" | "alias" | "ownerOrganisationId" | "status">[];
  agreements: (Pick<Agreement, "id" | "clientId" | "text" | "dueDate"> & { clientAlias: string })[];
}

/**
 * Who is told: an organisation at a moment (the admin in the panel, told only what her organisation
 * may see), or null for the platform operator at the CLI, who is told everything.
 */
export type OpenWorkViewer = { organisationId: string; now: string } | null;

/**
 * Clients she is responsible for (not closed) and afspraken she owns that are still open. For an
 * organisation, only what it may see now (canAccess, as for its care workers): a client shared with
 * it by no consent is left out entirely, and an afspraak whose categories it may not read too, so
 * not even their number tells anything.
 */
export async function openWorkOf(db: Db, person: Person, viewer: OpenWorkViewer): Promise<OpenWork> {
  const mine = await db
    .select({ collection: records.collection, data: records.data })
    .from(records)
    .where(
      sql`(${records.collection} = 'clients' and json_extract(${records.data}, '$.responsibleUserId') = ${person.id})
        or (${records.collection} = 'agreements' and json_extract(${records.data}, '$.ownerUserId') = ${person.id})`,
    );
  const responsible: Client[] = [];
  const owned: Agreement[] = [];
  for (const row of mine) {
    const data: unknown = JSON.parse(row.data);
    if (row.collection === "clients") {
      const c = clientSchema.parse(data);
      if (c.status !== "closed") responsible.push(c);
    } else {
      const a = agreementSchema.parse(data);
      if (a.status === "open") owned.push(a);
    }
  }
  const clientIds = [...new Set([...responsible.map((c) => c.id), ...owned.map((a) => a.clientId)])];
  const about = clientIds.length
    ? await db
        .select({ collection: records.collection, clientId: records.clientId, data: records.data })
        .from(records)
        .where(and(inArray(records.collection, ["clients", "consentEvents"]), inArray(records.clientId, clientIds)))
    : [];
  const clients = new Map<string, Client>();
  const consents = new Map<string, ConsentEvent[]>();
  for (const row of about) {
    if (!row.clientId) continue;
    if (row.collection === "clients") clients.set(row.clientId, clientSchema.parse(JSON.parse(row.data)));
    else consents.set(row.clientId, [...(consents.get(row.clientId) ?? []), collections.consentEvents.parse(JSON.parse(row.data))]);
  }
  const sees = (client: Client | undefined, categories: Parameters<typeof organisationMaySee>[2]) =>
    client !== undefined && (viewer === null || organisationMaySee(viewer.organisationId, client, categories, consents.get(client.id) ?? [], viewer.now));

  const work: OpenWork = { person, clients: [], agreements: [] };
  for (const c of responsible) {
    if (sees(c, "any")) work.clients.push({ id: c.id, alias: c.alias, ownerOrganisationId: c.ownerOrganisationId, status: c.status });
  }
  for (const a of owned) {
    const client = clients.get(a.clientId);
    const visibility = visibilityOf("agreements", a);
    if (visibility.kind !== "category" || !client || !sees(client, categoriesOf(visibility))) continue;
    work.agreements.push({ id: a.id, clientId: a.clientId, clientAlias: client.alias, text: a.text, dueDate: a.dueDate });
  }
  work.clients.sort((a, b) => a.alias.localeCompare(b.alias, "nl"));
  work.agreements.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  return work;
}

/** Every person of an organisation. */
export async function peopleOf(db: Db, organisationId: string | null, filter: (p: Person) => boolean = () => true): Promise<Person[]> {
  const rows = await db
    .select({ data: records.data })
    .from(records)
    .where(
      organisationId === null
        ? eq(records.collection, "people")
        : and(eq(records.collection, "people"), sql`json_extract(${records.data}, '$.organisationId') = ${organisationId}`),
    );
  return rows.map((r) => personSchema.parse(JSON.parse(r.data))).filter(filter);
}

/**
 * The open work of her organisation's deactivated colleagues that still needs a new owner: once a
 * coordinator gave a client or afspraak to someone else, it leaves this list by itself.
 */
export async function unassignedWorkOf(db: Db, organisationId: string, now: string): Promise<OpenWork[]> {
  const inactive = await peopleOf(db, organisationId, (p) => !p.active);
  const work = await Promise.all(inactive.map((p) => openWorkOf(db, p, { organisationId, now })));
  return work.filter((w) => w.clients.length > 0 || w.agreements.length > 0).sort((a, b) => a.person.name.localeCompare(b.person.name, "nl"));
}

/**
 * The clients the admin was shown (their aliases, afspraak texts) in the audit log, one row per
 * client, as every read of client data is: who, for which organisation, which client, what.
 */
export async function auditOpenWorkRead(
  services: Services,
  who: { userId: string; organisationId: string; accessPoint: AccessPoint },
  event: string,
  work: OpenWork[],
): Promise<void> {
  const at = services.clock.nowIso();
  const shown = new Map<string, Set<string>>();
  const note = (clientId: string, what: string) => shown.set(clientId, (shown.get(clientId) ?? new Set()).add(what));
  for (const w of work) {
    for (const c of w.clients) note(c.id, "client");
    for (const a of w.agreements) note(a.clientId, "agreements");
  }
  const facts: AuditFacts[] = [];
  for (const [clientId, what] of shown) {
    facts.push({
      at,
      event,
      ...who,
      responsibleUserId: work.find((w) => w.clients.some((c) => c.id === clientId) || w.agreements.some((a) => a.clientId === clientId))?.person.id ?? null,
      clientId,
      categories: [...what],
      consentId: null,
      outcome: "ok",
    });
  }
  if (facts.length === 0) return;
  await services.database.write(async (tx) => {
    await tx.insert(auditLog).values(await chainAuditRows(tx, facts));
  });
}
