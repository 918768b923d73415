import type { Sql } from "./connect.ts";

/** SQLITE_BUSY anywhere in the error's causes: another connection holds the write lock. */
export function isBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
  }
  return false;
}

/** SQLITE_BUSY_SNAPSHOT: this connection's read snapshot is stale; only a fresh connection (or ending it) helps. */
export function isStaleSnapshot(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "SQLITE_BUSY_SNAPSHOT") return true;
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Unit {
  work: (tx: Sql) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** How the queue reaches the database: one write transaction, and what to do after "busy". */
export interface WriteChannel {
  /** Runs `group` in one `BEGIN IMMEDIATE` transaction, committed when it resolves. */
  transaction<T>(group: (tx: Sql) => Promise<T>): Promise<T>;
  /** Called after "busy" (the error): a failed BEGIN can leave its connection on a stale snapshot, then take a fresh one. */
  recover(error: unknown): Promise<void>;
}

/**
 * This process's writes, in order, as group commits: whatever queued while the last transaction
 * ran goes into the next one, each unit in its own savepoint (one that throws leaves the others
 * alone), and every caller is answered only after the transaction committed. The guarantee is
 * the database's write lock (`BEGIN IMMEDIATE`), which orders these transactions against other
 * server instances and the CLI; the queue only spares this process's writers racing each other,
 * and makes one commit (one sync to disk) carry many writes. Waiting for another instance's lock
 * is retried asynchronously, so an embedded database never stops this event loop for long.
 */
export class WriteQueue {
  readonly #queue: Unit[] = [];
  #flushing = false;

  constructor(
    private readonly channel: WriteChannel,
    private readonly largestGroup = 200,
    private readonly patienceMs = 30_000,
  ) {}

  run<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        const group = this.#queue.splice(0, this.largestGroup);
        const contended = await this.#commit(group);
        // Another instance waited for the lock: give it room before taking the lock again.
        if (contended) await pause(1 + Math.random() * 3);
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** Commits one group and settles its callers; whether the lock was contended. */
  async #commit(group: Unit[]): Promise<boolean> {
    const deadline = Date.now() + this.patienceMs;
    let contended = false;
    for (let wait = 1; ; wait = Math.min(wait * 2, 4)) {
      try {
        const [lone] = group;
        if (group.length === 1 && lone) {
          // No savepoint needed: if it throws, the whole transaction rolls back.
          lone.resolve(await this.channel.transaction((tx) => lone.work(tx)));
          return contended;
        }
        const outcomes = await this.channel.transaction(async (tx) => {
          const settled: Outcome[] = [];
          for (const unit of group) settled.push(await settle(() => tx.transaction((savepoint) => unit.work(savepoint))));
          return settled;
        });
        outcomes.forEach((outcome, i) => {
          const unit = group[i];
          if (outcome.ok) unit?.resolve(outcome.value);
          else unit?.reject(outcome.error);
        });
        return contended;
      } catch (error) {
        if (isBusy(error) && Date.now() < deadline) {
          contended = true;
          await this.channel.recover(error);
          await pause(wait * (0.5 + Math.random()));
          continue;
        }
        for (const unit of group) unit.reject(error);
        return contended;
      }
    }
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function settle(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isBusy(error)) throw error; // the whole group goes again
    return { ok: false, error };
  }
}
