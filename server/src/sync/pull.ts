import {
  categoriesOf,
  collections,
  covenantBasis,
  type DataCategory,
  encodeVisibility,
  handoverFor,
  handoverProjectionCategories,
  type Person,
  type PulledRecord,
  type PullResponse,
  type Purge,
  parseVisibility,
  type RecordOf,
  refusal,
} from "@naast/shared";
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { AccessPoint, AuditFacts } from "../audit/entry.ts";
import { type Heads, readHeads } from "../db/heads.ts";
import { erasedClients, records } from "../db/schema.ts";
import { refuse } from "../refusal.ts";
import type { Services } from "../services.ts";
import { issueCursor, readCursor } from "./cursor.ts";
import type { VisibleSet, VisibleSummary } from "./visible-set.ts";

interface RecordRow {
  collection: string;
  id: string;
  clientId: string | null;
  visibility: string;
  data: string;
}

/**
 * Whether a stored record may go to this user, given what she may see now; `only` limits it to
 * what just became visible ("client" and categories) for a client already on her device.
 */
function mayReceive(row: RecordRow, user: Person, visible: VisibleSet, only?: Set<string>): boolean {
  const visibility = parseVisibility(row.visibility);
  switch (visibility.kind) {
    case "directory":
      return true;
    // The organisation's own EPD links go to it whatever the consent; they arrive as changes, not as newly visible.
    case "epd-link":
      return visibility.organisationId === user.organisationId && !only;
    // An organisation's own aggregate totals (the flexbudget it holds): to its users only, no client.
    case "organisation":
      return visibility.organisationId === user.organisationId && !only;
    default: {
      const access = row.clientId ? visible.get(row.clientId) : undefined;
      if (!access) return false;
      if (visibility.kind === "client") return only ? only.has("client") : true;
      if (visibility.kind === "holder") return access.client.ownerOrganisationId === user.organisationId && (only ? only.has("client") : true);
      // A priority mark: the holder's and the municipality's whose list it is (while it sees her), nobody else's.
      if (visibility.kind === "priority") {
        const ours = access.client.ownerOrganisationId === user.organisationId || visibility.organisationId === user.organisationId;
        return ours && (only ? only.has("client") : true);
      }
      const needed = categoriesOf(visibility);
      if (!needed.every((c) => access.categories.has(c))) return false;
      // Newly visible when one of the categories it needs just became visible, or one its projection
      // depends on (a handover's life domains): her copy then lacks what she may see now.
      return !only || needed.some((c) => only.has(c)) || projectionDependsOn(row.collection).some((c) => only.has(c));
    }
  }
}

/** What a record's delivered form depends on besides the categories it needs (see `deliverable`). */
function projectionDependsOn(collection: string): readonly string[] {
  return collection === "handovers" ? handoverProjectionCategories : [];
}

interface PullInput {
  user: Person;
  clientGroupId: string;
  cursor: string | null;
  accessPoint: AccessPoint;
  /** The database's versions as the request's session check read them (read here if not given). */
  heads?: Heads;
}

/**
 * The changes since the cursor that the user may see now; the whole current state of what became
 * visible since (a consent just given brings the existing plan); and purges for what she may no
 * longer see. An unknown cursor (say, from before a server move) answers with a full reset.
 */
export async function pull(services: Services, input: PullInput): Promise<PullResponse> {
  const { db, visibleSets } = services;
  const { user } = input;
  const cursorKey = await services.serverKeys.get("cursor");
  const binding = { userId: user.id, clientGroupId: input.clientGroupId };
  const read = input.cursor === null ? null : readCursor(cursorKey, binding, input.cursor);
  const heads = input.heads ?? (await readHeads(db));
  const head = heads.change;
  const accessVersion = heads.access;
  if (read && read.seq > head) {
    throw refuse("BAD_REQUEST", refusal("sync.cursor-ahead"), "this cursor is ahead of the server; start a fresh sync");
  }
  // A cursor this server did not issue to this device (crafted, another user's, or unsigned from
  // before signatures) is a fresh start, read by index, never a scan from its sequence number.
  const cursor = read?.signed ? read : null;
  // Only now, with the request found sound, is the client group claimed (a write).
  await services.clientGroups.claim(input.clientGroupId, user.id);

  const now = services.clock.nowIso();
  const current = await services.visibleSetCache.get(db, user, accessVersion, now);
  const { visible, hidden, summary } = current;
  // A cursor made from the set she has now needs no look-up: that summary is the current one.
  const previous: VisibleSummary | undefined = !cursor ? undefined : cursor.hash === current.hash ? summary : await visibleSets.load(user.id, cursor.hash);
  const reset = previous === undefined;

  const rows: RecordRow[] = [];
  const purges: Purge[] = [];
  if (reset) {
    // A fresh device learns why the clients its organisation has links to are hidden.
    for (const [clientId, reason] of hidden) purges.push({ clientId, categories: "all", hidden: reason });
    rows.push(...(await recordsForFreshDevice(services, user, visible, head)).filter((r) => mayReceive(r, user, visible)));
  } else {
    // What became visible since the cursor comes whole; what stopped being visible is purged.
    const newlyVisible = new Map<string, Set<string>>();
    for (const [clientId, categories] of Object.entries(summary)) {
      const before = new Set(previous[clientId] ?? []);
      const added = new Set<string>(categories.filter((c) => !before.has(c)));
      if (!(clientId in previous)) added.add("client");
      if (added.size > 0) newlyVisible.set(clientId, added);
    }
    for (const [clientId, categories] of Object.entries(previous)) {
      if (!(clientId in summary)) purges.push({ clientId, categories: "all", hidden: hidden.get(clientId) ?? { reason: "no-consent", since: null } });
      else {
        const lost = categories.filter((c) => !summary[clientId]?.includes(c));
        if (lost.length > 0) purges.push({ clientId, categories: lost, hidden: null });
      }
    }
    if (newlyVisible.size > 0) {
      const whole = await db
        .select()
        .from(records)
        .where(and(inArray(records.clientId, [...newlyVisible.keys()]), lte(records.version, head)));
      rows.push(...whole.filter((r) => r.clientId !== null && mayReceive(r, user, visible, newlyVisible.get(r.clientId))));
    }
    // Clients erased by retention since the cursor: every device drops whatever it has of them.
    // Asked only when the database says one was erased since (its erased version, migration 0011).
    if (heads.erased > (cursor?.seq ?? 0)) {
      const erased = await db
        .select({ clientId: erasedClients.clientId })
        .from(erasedClients)
        .where(and(gt(erasedClients.version, cursor?.seq ?? 0), lte(erasedClients.version, head)));
      for (const { clientId } of erased) purges.push({ clientId, categories: "all", hidden: null, erased: true });
    }
    const changed = await db
      .select()
      .from(records)
      .where(and(gt(records.version, cursor?.seq ?? 0), lte(records.version, head)));
    rows.push(...changed.filter((r) => mayReceive(r, user, visible)));
    // A client her organisation holds now (say, a handover it accepted) brings the holder's own
    // records along (what the client said when asked for consent), which never went to it before.
    const held = changed
      .filter((r) => r.collection === "clients" && r.clientId !== null)
      .map((r) => r.clientId as string)
      .filter((clientId) => visible.get(clientId)?.client.ownerOrganisationId === user.organisationId);
    if (held.length > 0) {
      const holderRows = await db
        .select()
        .from(records)
        .where(and(inArray(records.clientId, held), eq(records.visibility, encodeVisibility({ kind: "holder" })), lte(records.version, head)));
      rows.push(...holderRows);
    }
  }

  const puts = new Map<string, PulledRecord>();
  // The life domains a delivered handover holds count as delivered too (for the audit log).
  const deliveredDomains = new Map<string, string[]>();
  for (const row of rows) {
    const data = deliverable(row, visible);
    if (row.collection === "handovers" && row.clientId) {
      const domains = (data as RecordOf<"handovers">).domains.map((d) => d.domain);
      deliveredDomains.set(row.clientId, [...(deliveredDomains.get(row.clientId) ?? []), ...domains]);
    }
    puts.set(`${row.collection}/${row.id}`, { collection: row.collection as PulledRecord["collection"], id: row.id, data });
  }
  const hash = await visibleSets.save(user.id, summary, current.hash);
  await auditDelivery(services, input, now, rows, visible, deliveredDomains);
  return { cursor: issueCursor(cursorKey, binding, { seq: head, hash }), reset, puts: [...puts.values()], purges };
}

/**
 * What a fresh device may receive, read by index rather than by reading the whole table: the
 * directory (records without a client), everything of the clients she may see, and her
 * organisation's own EPD links. The cost follows what she may see, not the database's size.
 */
async function recordsForFreshDevice(services: Services, user: Person, visible: VisibleSet, head: number): Promise<RecordRow[]> {
  const { db } = services;
  const found = new Map<string, RecordRow>();
  const add = (rows: RecordRow[]) => {
    for (const row of rows) found.set(`${row.collection}/${row.id}`, row);
  };
  add(
    await db
      .select()
      .from(records)
      .where(and(isNull(records.clientId), lte(records.version, head))),
  );
  const clientIds = [...visible.keys()];
  for (let i = 0; i < clientIds.length; i += 500) {
    add(
      await db
        .select()
        .from(records)
        .where(and(inArray(records.clientId, clientIds.slice(i, i + 500)), lte(records.version, head))),
    );
  }
  add(
    await db
      .select()
      .from(records)
      .where(
        and(
          eq(records.collection, "epdLinks"),
          eq(records.visibility, encodeVisibility({ kind: "epd-link", organisationId: user.organisationId })),
          lte(records.version, head),
        ),
      ),
  );
  return [...found.values()];
}

/** The record as this user may have it: a handover without the life domains she may not see. */
function deliverable(row: RecordRow, visible: VisibleSet): PulledRecord["data"] {
  const data = JSON.parse(row.data);
  if (row.collection !== "handovers" || !row.clientId) return data;
  const access = visible.get(row.clientId);
  return handoverFor(collections.handovers.parse(data), (category) => access?.categories.has(category as DataCategory) ?? false);
}

/** One audit row per client whose data this pull delivered: which categories, under which consent. */
async function auditDelivery(services: Services, input: PullInput, now: string, rows: RecordRow[], visible: VisibleSet, domains: Map<string, string[]>) {
  const delivered = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.clientId) continue;
    const set = delivered.get(row.clientId) ?? new Set<string>();
    const visibility = parseVisibility(row.visibility);
    for (const category of visibility.kind === "category" ? categoriesOf(visibility) : [visibility.kind]) set.add(category);
    for (const domain of domains.get(row.clientId) ?? []) set.add(domain);
    delivered.set(row.clientId, set);
  }
  if (delivered.size === 0) return;
  const facts: AuditFacts[] = [...delivered].map(([clientId, categories]) => {
    const access = visible.get(clientId);
    const consentIds = new Set<string>();
    for (const decision of access?.categories.values() ?? []) {
      if (decision.basis === "consent") consentIds.add(decision.consentId);
      // The covenant is audited as the basis it is, in the consent's place (docs/decisions/0019).
      if (decision.basis === "covenant") consentIds.add(covenantBasis(decision.escalationId));
    }
    return {
      at: now,
      event: "pull.deliver",
      userId: input.user.id,
      organisationId: input.user.organisationId,
      responsibleUserId: access?.client.responsibleUserId ?? null,
      clientId,
      accessPoint: input.accessPoint,
      categories: [...categories],
      consentId: consentIds.size > 0 ? [...consentIds].sort().join(",") : null,
      outcome: "ok",
    };
  });
  // Group-committed with other pulls' rows, off the event loop; the answer waits for the commit.
  await services.database.appendAudit(facts);
}
