import { bindMutation, fromPulled, handoverFor, isPurgedBy, type PullResponse } from "@naast/shared";
import { summarisePull } from "../overview/summaries.ts";
import { dataOf } from "../records/read.ts";
import type { NaastDatabase } from "../storage/db.ts";
import { DexieTransaction } from "../storage/dexie-transaction.ts";

/**
 * Stores a pull: reset, purges, then the server's records; then replays the changes still in the
 * outbox on top (a rebase), so work not yet acknowledged stays visible on the device.
 */
export async function applyPull(database: NaastDatabase, response: PullResponse): Promise<void> {
  const puts = response.puts.map(fromPulled);
  await database.transaction("rw", [database.records, database.clientSummaries, database.outbox, database.hiddenClients, database.meta], async () => {
    if (response.reset) {
      await database.records.clear();
      await database.hiddenClients.clear();
    }
    for (const purge of response.purges) {
      const toDelete = await database.records
        .where("clientId")
        .equals(purge.clientId)
        .filter((r) => isPurgedBy(r, purge))
        .primaryKeys();
      await database.records.bulkDelete(toDelete);
      if (purge.categories !== "all") {
        // A withdrawn life domain goes from the handovers kept on the device too.
        const lost = new Set<string>(purge.categories);
        for (const stored of await database.records.where("[collection+clientId]").equals(["handovers", purge.clientId]).toArray()) {
          const handover = dataOf(stored, "handovers");
          const kept = handoverFor(handover, (category) => !lost.has(category));
          if (kept !== handover) await database.records.put({ ...stored, data: kept });
        }
      }
      if (purge.erased) await database.hiddenClients.delete(purge.clientId);
      else if (purge.hidden) await database.hiddenClients.put({ clientId: purge.clientId, ...purge.hidden });
    }
    await database.records.bulkPut(puts);
    await summarisePull(database, { reset: response.reset, purgedClientIds: response.purges.map((p) => p.clientId), puts });
    const visibleAgain = puts.filter((p) => p.collection === "clients").map((p) => p.id);
    if (visibleAgain.length > 0) await database.hiddenClients.bulkDelete(visibleAgain);
    await replayOutbox(database);
    await database.setMeta("cursor", response.cursor);
  });
}

async function replayOutbox(database: NaastDatabase) {
  const session = await database.getMeta("session");
  if (!session) return;
  const tx = new DexieTransaction(database);
  for (const entry of await database.outbox.orderBy("seq").toArray()) {
    const bound = bindMutation(entry.name, entry.args);
    if (!bound.ok) continue;
    try {
      await bound.mutation.apply(tx, { user: session.user, now: entry.createdAt, mutationId: entry.id });
    } catch {
      // The server will decide; its answer to the push replaces this optimistic guess.
    }
  }
}
