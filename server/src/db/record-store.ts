import { type CollectionName, clientIdOf, collections, encodeVisibility, type RecordOf, visibilityOf, type WriteTransaction } from "@naast/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Statement } from "./commit.ts";
import type { Sql } from "./connect.ts";
import { clientOrganisations, records } from "./schema.ts";

interface PendingWrite {
  collection: CollectionName;
  record: RecordOf<CollectionName>;
}

/**
 * The server's side of the mutators' storage interface, on one write transaction. Reads go to the
 * database (and see this transaction's own writes); writes are held back until `commit`, so a
 * mutator that throws half-way leaves nothing behind.
 */
export class RecordTransaction implements WriteTransaction {
  readonly #pending = new Map<string, PendingWrite>();

  constructor(private readonly db: Sql) {}

  async get<C extends CollectionName>(collection: C, id: string): Promise<RecordOf<C> | undefined> {
    const pending = this.#pending.get(`${collection}/${id}`);
    if (pending) return pending.record as RecordOf<C>;
    const [row] = await this.db
      .select({ data: records.data })
      .from(records)
      .where(and(eq(records.collection, collection), eq(records.id, id)));
    return row ? (collections[collection].parse(JSON.parse(row.data)) as RecordOf<C>) : undefined;
  }

  async listByClient<C extends CollectionName>(collection: C, clientId: string): Promise<RecordOf<C>[]> {
    const rows = await this.db
      .select({ id: records.id, data: records.data })
      .from(records)
      .where(and(eq(records.collection, collection), eq(records.clientId, clientId)));
    const byId = new Map<string, RecordOf<C>>(rows.map((r) => [r.id, collections[collection].parse(JSON.parse(r.data)) as RecordOf<C>]));
    for (const write of this.#pending.values()) {
      if (write.collection === collection && clientIdOf(collection, write.record as RecordOf<C>) === clientId) {
        byId.set(write.record.id, write.record as RecordOf<C>);
      }
    }
    return [...byId.values()];
  }

  async put<C extends CollectionName>(collection: C, record: RecordOf<C>): Promise<void> {
    const valid = collections[collection].parse(record) as RecordOf<C>;
    this.#pending.set(`${collection}/${valid.id}`, { collection, record: valid });
  }

  get hasWrites(): boolean {
    return this.#pending.size > 0;
  }

  /** Whether these writes may change who sees what: a client's record or her consents. */
  get changesAccess(): boolean {
    for (const { collection } of this.#pending.values()) if (collection === "clients" || collection === "consentEvents") return true;
    return false;
  }

  /** The statements that make the held-back writes real, stamped with the change sequence. */
  statements(version: number): Statement[] {
    const out: Statement[] = [];
    for (const { collection, record } of this.#pending.values()) {
      const clientId = clientIdOf(collection, record);
      const row = {
        collection,
        id: record.id,
        clientId,
        visibility: encodeVisibility(visibilityOf(collection, record)),
        data: JSON.stringify(record),
        version,
      };
      out.push(
        this.db
          .insert(records)
          .values(row)
          .onConflictDoUpdate({
            target: [records.collection, records.id],
            set: { clientId: row.clientId, visibility: row.visibility, data: row.data, version: sql`excluded.version` },
          }),
      );
      for (const organisationId of organisationsThatMaySee(collection, record)) {
        if (clientId) out.push(this.db.insert(clientOrganisations).values({ clientId, organisationId }).onConflictDoNothing());
      }
    }
    return out;
  }
}

/** Candidates only: canAccess still decides at every pull. */
function organisationsThatMaySee(collection: CollectionName, record: RecordOf<CollectionName>): string[] {
  if (collection === "clients") {
    const client = record as RecordOf<"clients">;
    // A municipality escalated to on the covenant considers her from then on (canAccess: its escalations only).
    return [client.ownerOrganisationId, ...client.formerOwners.map((f) => f.organisationId), ...client.covenants.map((c) => c.organisationId)];
  }
  // The receiving organisation of a handover considers the client from the moment it is written.
  if (collection === "handovers") {
    const handover = record as RecordOf<"handovers">;
    return handover.toOrganisationId ? [handover.toOrganisationId] : [];
  }
  if (collection === "consentEvents") {
    const event = record as RecordOf<"consentEvents">;
    return event.type === "recorded" ? event.grantedTo : [];
  }
  return [];
}
