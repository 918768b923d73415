import { bindMutation, type MutationArgs, MutationRejected, type MutatorName } from "@naast/shared";
import { db as defaultDb, type NaastDatabase } from "../storage/db.ts";
import { DexieTransaction } from "../storage/dexie-transaction.ts";

/**
 * Applies a change on the device at once and queues it for the server, in one local
 * transaction: either both happen or neither. Throws the mutator's own MutationRejected when the
 * rules say no, so the panel can show why before anything is queued.
 */
export async function mutate<N extends MutatorName>(name: N, args: MutationArgs<N>, database: NaastDatabase = defaultDb): Promise<string> {
  const session = await database.getMeta("session");
  if (!session) throw new MutationRejected("forbidden", "session.unknown");
  const bound = bindMutation(name, args);
  if (!bound.ok) throw new MutationRejected("invalid", "unexpected", { message: bound.message });
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await database.transaction("rw", database.records, database.clientSummaries, database.outbox, async () => {
    await bound.mutation.apply(new DexieTransaction(database), { user: session.user, now, mutationId: id });
    await database.outbox.add({ id, name, args, createdAt: now });
  });
  return id;
}
