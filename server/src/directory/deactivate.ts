import { type Agreement, agreementSchema, type Client, clientSchema, type Person, personSchema } from "@naast/shared";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { AccessPoint } from "../audit/entry.ts";
import type { Db } from "../db/connect.ts";
import { deviceKeys, records, sessions } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { adminChange } from "./admin.ts";

/** Who deactivates: a platform admin at the CLI (no user), or an organisation's admin in the panel. */
export interface Deactivator {
  userId: string | null;
  accessPoint: AccessPoint;
}

/** What a deactivated person leaves behind: her clients and her open afspraken, to be handed to a colleague. */
export interface OpenWork {
  person: Person;
  clients: Pick<Client, "id" | "alias" | "ownerOrganisationId" | "status">[];
  agreements: Pick<Agreement, "id" | "clientId" | "text" | "dueDate">[];
}

async function peopleOf(db: Db, filter: (p: Person) => boolean): Promise<Person[]> {
  const rows = await db.select({ data: records.data }).from(records).where(eq(records.collection, "people"));
  return rows.map((r) => personSchema.parse(JSON.parse(r.data))).filter(filter);
}

/**
 * Deactivates people in one audited, synced change: each `people` record turns inactive, and
 * in the same batch every session ends and every device key is deleted, so no request of hers
 * is served after this returns (lookUpSession checks both) and no device of hers can unlock its
 * local copy again (docs/decisions/0017-device-key-and-sealed-records.md). Her devices wipe at their next contact.
 */
async function deactivatePeople(services: Services, event: string, people: Person[], by: Deactivator, organisationId: string) {
  const now = new Date().toISOString();
  const ids = people.map((p) => p.id);
  await adminChange(
    services,
    event,
    by.accessPoint,
    async (records, tx) => {
      for (const person of people) await records.put("people", { ...person, active: false });
      if (ids.length === 0) return [];
      return [
        tx
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(inArray(sessions.userId, ids), isNull(sessions.revokedAt))),
        tx.delete(deviceKeys).where(inArray(deviceKeys.userId, ids)),
      ];
    },
    // For an admin change, responsibleUserId names the person it is about (one person), and
    // organisationId her organisation.
    { userId: by.userId, organisationId, responsibleUserId: people.length === 1 ? (people[0]?.id ?? null) : null },
  );
}

export async function deactivateUser(services: Services, userId: string, by: Deactivator): Promise<OpenWork> {
  const [person] = await peopleOf(services.db, (p) => p.id === userId);
  if (!person) throw new Error(`unknown user ${userId}`);
  await deactivatePeople(services, "admin.deactivateUser", [person], by, person.organisationId);
  return openWorkOf(services.db, { ...person, active: false });
}

/** A whole organisation: every one of its people, in one change. */
export async function deactivateOrganisation(services: Services, organisationId: string, by: Deactivator): Promise<OpenWork[]> {
  const organisation = await services.db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.collection, "organisations"), eq(records.id, organisationId)));
  if (organisation.length === 0) throw new Error(`unknown organisation ${organisationId}`);
  const people = await peopleOf(services.db, (p) => p.organisationId === organisationId);
  await deactivatePeople(services, "admin.deactivateOrganisation", people, by, organisationId);
  return Promise.all(people.map((p) => openWorkOf(services.db, { ...p, active: false })));
}

/** Clients she is responsible for (not closed) and afspraken she owns that are still open. */
export async function openWorkOf(db: Db, person: Person): Promise<OpenWork> {
  const rows = await db
    .select({ collection: records.collection, data: records.data })
    .from(records)
    .where(inArray(records.collection, ["clients", "agreements"]));
  const clients: OpenWork["clients"] = [];
  const agreements: OpenWork["agreements"] = [];
  for (const row of rows) {
    const data: unknown = JSON.parse(row.data);
    if (row.collection === "clients") {
      const c = clientSchema.parse(data);
      if (c.responsibleUserId === person.id && c.status !== "closed")
        clients.push({ id: c.id, alias: c.alias, ownerOrganisationId: c.ownerOrganisationId, status: c.status });
    } else {
      const a = agreementSchema.parse(data);
      if (a.ownerUserId === person.id && a.status === "open") agreements.push({ id: a.id, clientId: a.clientId, text: a.text, dueDate: a.dueDate });
    }
  }
  agreements.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return { person, clients, agreements };
}
