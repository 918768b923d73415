import { createHash } from "node:crypto";
import {
  type BoundMutation,
  bindMutation,
  type Mutation,
  MutationRejected,
  type MutationResult,
  type Person,
  refusal,
  refusalSchema,
  rejectionKinds,
} from "@naast/shared";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AccessPoint, AuditFacts } from "../audit/entry.ts";
import { commit } from "../db/commit.ts";
import type { Sql } from "../db/connect.ts";
import { RecordTransaction } from "../db/record-store.ts";
import { processedMutations } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { InvalidMutation } from "./refusals.ts";

type ValidMutation = BoundMutation & { id: string; payloadHash: string };

/**
 * Checks the whole push before anything runs: an unknown mutator or malformed arguments are a
 * broken client, answered with an error that names the mutation in its data (`InvalidMutation`,
 * so the device sets that one aside without reading prose), and nothing of the push is written.
 */
export function validatePush(mutations: Mutation[]): ValidMutation[] {
  const seen = new Set<string>();
  return mutations.map((m, index) => {
    const unreadable = (message: string, issues?: z.ZodError) =>
      new TRPCError({ code: "BAD_REQUEST", message: `mutation ${index}: ${message}`, cause: new InvalidMutation(index, m.id, m.name, message, issues) });
    if (seen.has(m.id)) throw unreadable(`id ${m.id} occurs twice in this push`);
    seen.add(m.id);
    const result = bindMutation(m.name, m.args);
    if (!result.ok) throw unreadable(result.message, result.error);
    return { ...result.mutation, id: m.id, payloadHash: payloadHash(m) };
  });
}

/** What a mutation id stands for: its name and arguments, whatever the order of their keys. */
function payloadHash(m: Mutation): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify([m.name, canonical(m.args)]))
    .digest("hex");
}

interface PushInput {
  user: Person;
  clientGroupId: string;
  accessPoint: AccessPoint;
  mutations: ValidMutation[];
}

/**
 * Applies the mutations in order, in one write transaction, each with its own change sequence. A
 * replay is answered from the record of the first time (read in the same transaction, so a replay
 * through another instance at the same moment is still applied once); a rejection is recorded
 * too and does not stop the ones after it. A failure of the database itself writes nothing of it.
 */
export async function applyPush(services: Services, input: PushInput): Promise<MutationResult[]> {
  const results = await services.database.write(async (tx) => {
    const out: MutationResult[] = [];
    for (const mutation of input.mutations) out.push(await applyOne(services, tx, input, mutation));
    return out;
  });
  // Every instance follows the change head; this one looks at once, so its own devices hear it now.
  services.changeFeed.check();
  return results;
}

async function applyOne(services: Services, db: Sql, input: PushInput, mutation: ValidMutation): Promise<MutationResult> {
  const [previous] = await db
    .select()
    .from(processedMutations)
    .where(and(eq(processedMutations.clientGroupId, input.clientGroupId), eq(processedMutations.id, mutation.id)));
  if (previous) {
    // The same id with another payload is not a replay: the first one stands, the second is refused.
    if (previous.payloadHash !== null && previous.payloadHash !== mutation.payloadHash) {
      return { id: mutation.id, status: "rejected", kind: "conflict", refusal: refusal("change.id-reused") };
    }
    return previous.status === "applied" ? { id: mutation.id, status: "applied" } : storedRejection(mutation.id, previous);
  }

  const now = services.clock.nowIso();
  const ctx = { user: input.user, now, mutationId: mutation.id };
  const records = new RecordTransaction(db);
  const audit: Omit<AuditFacts, "clientId" | "responsibleUserId" | "categories" | "consentId" | "outcome"> = {
    at: now,
    event: mutation.name,
    userId: input.user.id,
    organisationId: input.user.organisationId,
    accessPoint: input.accessPoint,
  };
  let result: MutationResult;
  let facts: AuditFacts;
  try {
    const effect = await mutation.apply(records, ctx);
    result = { id: mutation.id, status: "applied" };
    facts = { ...audit, ...effect, outcome: "ok" };
  } catch (error) {
    // Whatever goes wrong inside one mutation is that mutation's rejection, never the push's 500:
    // the mutations before it stay applied, and those after it still get their turn.
    if (!(error instanceof MutationRejected)) console.error(`push: ${mutation.name} ${mutation.id} failed`, error);
    result =
      error instanceof MutationRejected
        ? { id: mutation.id, status: "rejected", kind: error.kind, refusal: error.refusal }
        : { id: mutation.id, status: "rejected", kind: "failed", refusal: refusal("change.failed") };
    facts = {
      ...audit,
      clientId: mutation.clientId,
      responsibleUserId: null,
      categories: [],
      consentId: null,
      outcome: result.kind === "forbidden" ? "denied" : "rejected",
    };
  }

  await commit(
    db,
    result.status === "applied" ? records : null,
    [facts],
    [
      db.insert(processedMutations).values({
        clientGroupId: input.clientGroupId,
        id: mutation.id,
        status: result.status,
        code: result.status === "rejected" ? result.kind : null,
        reason: result.status === "rejected" ? JSON.stringify(result.refusal) : null,
        payloadHash: mutation.payloadHash,
        processedAt: now,
      }),
    ],
  );
  return result;
}

/**
 * A refusal as recorded the first time: `code` holds its kind and `reason` the refusal as JSON.
 * Rows from before refusals had codes hold English prose; they are answered as "unexpected".
 */
function storedRejection(id: string, row: { code: string | null; reason: string | null }): MutationResult {
  const kind = z.enum(rejectionKinds).catch("invalid").parse(row.code);
  let stored: unknown;
  try {
    stored = JSON.parse(row.reason ?? "");
  } catch {
    stored = null;
  }
  const parsed = refusalSchema.safeParse(stored);
  return { id, status: "rejected", kind, refusal: parsed.success ? parsed.data : refusal("unexpected", { message: row.reason ?? "" }) };
}
