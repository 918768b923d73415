import type { Client, EpdLink, Note, Person, PlanDomain, PulledRecord, PullResponse } from "@naast/shared";
import { epdLinkId, planDomainId } from "@naast/shared";
import { NaastDatabase, type Session } from "../storage/db.ts";

/** A device's empty database, under its own name so tests never share state. */
export function freshDatabase(): NaastDatabase {
  return new NaastDatabase(`test-${crypto.randomUUID()}`);
}

/** Stores a session as signIn would, without a server. */
export async function signedInDevice(user: Person, database: NaastDatabase = freshDatabase()): Promise<NaastDatabase> {
  const session: Session = {
    serverUrl: "http://127.0.0.1:9",
    token: "test-token",
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user,
    clientGroupId: crypto.randomUUID(),
  };
  await database.setMeta("session", session);
  return database;
}

export const at = "2026-01-05T09:00:00.000Z";
export const cursor = (seq: number) => `${seq}.0123456789abcdef`;

export function clientRecord(id: string, ownerOrganisationId: string, overrides: Partial<Client> = {}): Client {
  return {
    id,
    alias: "Anna",
    birthYear: 1990,
    ownerOrganisationId,
    responsibleUserId: "fatima",
    status: "active",
    formerOwners: [],
    covenants: [],
    closure: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function planDomainRecord(clientId: string, domain: PlanDomain["domain"], overrides: Partial<PlanDomain> = {}): PlanDomain {
  return { id: planDomainId(clientId, domain), clientId, domain, situation: "", goal: "", updatedAt: at, updatedBy: "fatima", ...overrides };
}

export function noteRecord(id: string, clientId: string, text = "Gesprek gehad."): Note {
  return {
    id,
    clientId,
    text,
    authorUserId: "fatima",
    authorOrganisationId: "iriszorg",
    createdAt: at,
    correctsNoteId: null,
    contactAt: at,
    contactType: "street",
    noShow: false,
  };
}

export function epdLinkRecord(clientId: string, organisationId: string, epdClientId: string): EpdLink {
  return { id: epdLinkId(organisationId, epdClientId), clientId, organisationId, epdClientId, linkedAt: at, linkedBy: "fatima" };
}

/** A pull response with defaults: an incremental pull that changes nothing. */
export function pullResponse(overrides: Partial<PullResponse> = {}): PullResponse {
  return { cursor: cursor(1), reset: false, puts: [], purges: [], ...overrides };
}

export function put(collection: PulledRecord["collection"], data: { id: string }): PulledRecord {
  return { collection, id: data.id, data: { ...data } };
}

/** Every record on the device as "collection/id", sorted. */
export async function keysOf(database: NaastDatabase): Promise<string[]> {
  const rows = await database.records.toArray();
  return rows.map((r) => `${r.collection}/${r.id}`).sort();
}
