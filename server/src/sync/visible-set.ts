import { createHash } from "node:crypto";
import {
  type AccessDecision,
  accessibleCategories,
  type ConsentEvent,
  collections,
  type DataCategory,
  dataCategorySchema,
  type HiddenReason,
  nextAccessChange,
  type Person,
  type RecordOf,
  whyHidden,
} from "@naast/shared";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database, Db } from "../db/connect.ts";
import { clientOrganisations, records, visibleSets } from "../db/schema.ts";

/** Per client the user may see: the categories, and the decision that allows each. */
export interface ClientAccess {
  client: RecordOf<"clients">;
  categories: Map<DataCategory, AccessDecision & { allowed: true }>;
}
export type VisibleSet = Map<string, ClientAccess>;
/** Clients her organisation might see but may not now, and why. */
export type HiddenSet = Map<string, HiddenReason>;
/** The compact form a cursor refers to: client id → sorted categories. */
export const visibleSummarySchema = z.record(z.string(), z.array(dataCategorySchema));
export type VisibleSummary = z.infer<typeof visibleSummarySchema>;

/**
 * What the user may see now, and until when the clock alone cannot change that (the next instant
 * a consent read here starts or stops counting). Only the clients her organisation might see are
 * read (the owners' and every organisation a consent names), so the cost follows her caseload,
 * not the database.
 */
export async function computeVisibleSet(db: Db, user: Person, now: string): Promise<{ visible: VisibleSet; hidden: HiddenSet; validUntil: number }> {
  const candidates = await db
    .select({ clientId: clientOrganisations.clientId })
    .from(clientOrganisations)
    .where(eq(clientOrganisations.organisationId, user.organisationId));
  const visible: VisibleSet = new Map();
  const hidden: HiddenSet = new Map();
  if (candidates.length === 0) return { visible, hidden, validUntil: Number.POSITIVE_INFINITY };
  const rows = await db
    .select({ collection: records.collection, clientId: records.clientId, data: records.data })
    .from(records)
    .where(
      and(
        inArray(records.collection, ["clients", "consentEvents"]),
        inArray(
          records.clientId,
          candidates.map((c) => c.clientId),
        ),
      ),
    );
  const clients = new Map<string, RecordOf<"clients">>();
  const consents = new Map<string, ConsentEvent[]>();
  for (const row of rows) {
    if (!row.clientId) continue;
    if (row.collection === "clients") clients.set(row.clientId, collections.clients.parse(JSON.parse(row.data)));
    else {
      const list = consents.get(row.clientId) ?? [];
      list.push(collections.consentEvents.parse(JSON.parse(row.data)));
      consents.set(row.clientId, list);
    }
  }
  // The first instant at which a decision read here could flip by the clock alone (the shared rule's).
  let validUntil = Number.POSITIVE_INFINITY;
  for (const [clientId, client] of clients) validUntil = Math.min(validUntil, nextAccessChange(client, consents.get(clientId) ?? [], now));
  for (const [clientId, client] of clients) {
    const clientConsents = consents.get(clientId) ?? [];
    const categories = accessibleCategories(user, client, clientConsents, now);
    if (categories.size > 0) visible.set(clientId, { client, categories });
    else hidden.set(clientId, whyHidden(user, client, clientConsents, now));
  }
  return { visible, hidden, validUntil };
}

/** A visible set with its compact summary and that summary's hash for this user (as a cursor holds it). */
export interface CurrentAccess {
  visible: VisibleSet;
  hidden: HiddenSet;
  summary: VisibleSummary;
  hash: string;
}

interface CachedVisibleSet {
  key: string;
  /** The next instant (ms) at which a consent starts, ends or is withdrawn, or a read-only period ends. */
  validUntil: number;
  value: CurrentAccess;
}

/**
 * Each user's visible set, kept while nothing it depends on changed: the access version (bumped
 * in the database by every write to a client or consent record, see db/schema.ts, so several
 * server instances agree), her organisation and role, and the clock, up to the next instant at
 * which one of the consents read starts or stops counting, or a former holder's read-only ends. A pull then costs what its delta
 * costs, not what her caseload costs. The value is shared: callers must not change it.
 */
export class VisibleSetCache {
  readonly #byUser = new Map<string, CachedVisibleSet>();

  async get(db: Db, user: Person, accessVersion: number, now: string): Promise<CurrentAccess> {
    const key = `${accessVersion}|${user.organisationId}|${user.role}`;
    const cached = this.#byUser.get(user.id);
    if (cached && cached.key === key && Date.parse(now) < cached.validUntil) return cached.value;
    const { visible, hidden, validUntil } = await computeVisibleSet(db, user, now);
    const summary = summarise(visible);
    const value = { visible, hidden, summary, hash: hashSummary(user.id, summary) };
    if (this.#byUser.size > 10_000) this.#byUser.clear();
    this.#byUser.set(user.id, { key, validUntil, value });
    return value;
  }
}

export function summarise(visible: VisibleSet): VisibleSummary {
  const summary: VisibleSummary = {};
  for (const clientId of [...visible.keys()].sort()) {
    summary[clientId] = [...(visible.get(clientId)?.categories.keys() ?? [])].sort();
  }
  return summary;
}

/**
 * Which rules decided what a cursor's devices hold. Raised when a rule changes what goes where
 * (2: an afspraak about a life domain needs that domain too), so every device's next pull is a
 * reset and nothing the old rule let through stays on it.
 */
export const deliveryRulesVersion = 2;

/**
 * The hash covers the user too: a cursor is good only for the user it was given to, so someone
 * else's cursor (a URL in a log, say) reveals nothing of what that user could see.
 */
export const hashSummary = (userId: string, summary: VisibleSummary) =>
  createHash("sha256")
    .update(JSON.stringify([userId, summary, deliveryRulesVersion]))
    .digest("hex")
    .slice(0, 32);

const maxSummariesKept = 10_000;
/** About 10-20 MB of summaries (a client id and her categories each). */
const maxClientsKept = 100_000;

/**
 * Visible sets are content-addressed: a user whose access did not change refers to the same row
 * at every pull, so pulling writes nothing. A small cache spares the lookup.
 */
export class VisibleSetStore {
  readonly #cache = new Map<string, VisibleSummary>();
  /** How many clients the kept summaries name together: what they weigh, not how many there are. */
  #clientsHeld = 0;

  constructor(private readonly database: Database) {}

  async load(userId: string, hash: string): Promise<VisibleSummary | undefined> {
    let summary = this.#cache.get(hash);
    if (!summary) {
      const [row] = await this.database.db.select({ data: visibleSets.data }).from(visibleSets).where(eq(visibleSets.hash, hash));
      if (!row) return undefined;
      summary = visibleSummarySchema.parse(JSON.parse(row.data));
      this.#remember(hash, summary);
    }
    return hashSummary(userId, summary) === hash ? summary : undefined;
  }

  async save(userId: string, summary: VisibleSummary, hash = hashSummary(userId, summary)): Promise<string> {
    if (!this.#cache.has(hash)) {
      await this.database.write((tx) =>
        tx
          .insert(visibleSets)
          .values({ hash, data: JSON.stringify(summary) })
          .onConflictDoNothing(),
      );
      this.#remember(hash, summary);
    }
    return hash;
  }

  /**
   * Bounded by weight: a summary names every client its user may see, so 10,000 summaries of large
   * caseloads would hold hundreds of megabytes. Dropping them costs one look-up each, never a
   * wrong answer (the database holds them all).
   */
  #remember(hash: string, summary: VisibleSummary) {
    const clients = Object.keys(summary).length;
    if (this.#cache.size >= maxSummariesKept || this.#clientsHeld + clients > maxClientsKept) {
      this.#cache.clear();
      this.#clientsHeld = 0;
    }
    this.#cache.set(hash, summary);
    this.#clientsHeld += clients;
  }
}
