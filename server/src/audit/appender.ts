import { getTableColumns } from "drizzle-orm";
import AsyncDatabase from "libsql/promise";
import { auditLog } from "../db/schema.ts";
import type { Turns } from "../db/turn.ts";
import { isBusy, isStaleSnapshot } from "../db/write-transaction.ts";
import { type AuditFacts, type AuditRow, chainAfter } from "./entry.ts";

/**
 * Appends audit rows that stand on their own (a pull's deliveries: nothing else is written with
 * them). `append` resolves only once its rows are committed, synced as the database's
 * `synchronous` setting says: a pull answers after that, never with data whose access was not
 * logged. See docs/decisions/0015-serialised-in-the-database.md.
 */
export interface AuditAppender {
  append(facts: AuditFacts[]): Promise<void>;
  /** Finishes what is queued, then closes its connection. */
  close(): Promise<void>;
}

/** The few calls of libsql's promise API used here (its own types say `any`). */
interface Statement {
  get(...args: unknown[]): unknown;
  run(...args: unknown[]): unknown;
}
interface Connection {
  readonly inTransaction: boolean;
  exec(sql: string): Promise<unknown>;
  prepare(sql: string): Promise<Statement>;
  close(): void;
}

interface Pending {
  facts: AuditFacts[];
  resolve(): void;
  reject(error: unknown): void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const columns = Object.entries(getTableColumns(auditLog)) as [keyof AuditRow, { name: string }][];
const insertSql = `INSERT INTO audit_log (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

/**
 * For an embedded database: a connection of its own through libsql's promise API, whose
 * statements run off the event loop, so the sync to disk at each commit (`synchronous = FULL`,
 * several ms on a real disk) no longer stops every other request of this process, as a commit on
 * the writer's connection does. Group commit: whatever pulls queue while one transaction commits
 * goes into the next (one `BEGIN IMMEDIATE`, the chain's head read inside it, one sync for all).
 * The database's write lock orders these transactions against the writer, other instances and
 * the CLI, so the chain never forks. Waiting for that lock is retried here, with a busy timeout
 * of a few ms: a longer one would hold one of libsql's few worker threads (one per core), which
 * this process's writer (db/embedded-writer.ts) may need to commit and release that very lock.
 */
export class EmbeddedAuditAppender implements AuditAppender {
  readonly #queue: Pending[] = [];
  #flushing: Promise<void> | null = null;
  #connection: Promise<{ db: Connection; head: Statement; insert: Statement }> | null = null;

  constructor(
    private readonly path: string,
    private readonly synchronous: "full" | "normal",
    /** Shared with this process's writer (db/embedded-writer.ts). */
    private readonly turns: Turns,
    private readonly patienceMs = 30_000,
  ) {}

  append(facts: AuditFacts[]): Promise<void> {
    if (facts.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ facts, resolve, reject });
      this.#flushing ??= this.#flush().finally(() => {
        this.#flushing = null;
      });
    });
  }

  async close(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    const connection = await this.#connection?.catch(() => null);
    this.#connection = null;
    connection?.db.close();
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.#queue.length);
      try {
        await this.#commit(group.flatMap((p) => p.facts));
        for (const p of group) p.resolve();
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
  }

  #open() {
    this.#connection ??= (async () => {
      // The busy timeout (ms) is spent off the event loop, on one of libsql's worker threads: short.
      const db = new AsyncDatabase(this.path, { timeout: 5 }) as unknown as Connection;
      await db.exec(`PRAGMA synchronous = ${this.synchronous.toUpperCase()}`);
      const head = await db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
      const insert = await db.prepare(insertSql);
      return { db, head, insert };
    })();
    return this.#connection;
  }

  async #commit(facts: AuditFacts[]): Promise<void> {
    const deadline = Date.now() + this.patienceMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 8)) {
      const { db, head, insert } = await this.#open();
      try {
        await this.turns.take(async () => {
          await db.exec("BEGIN IMMEDIATE");
          try {
            const last = head.get() as { seq: number; hash: string } | undefined;
            for (const row of chainAfter(last, facts)) insert.run(columns.map(([key]) => row[key]));
            await db.exec("COMMIT");
          } catch (error) {
            await db.exec("ROLLBACK").catch(() => undefined);
            throw error;
          }
        });
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        // A BEGIN that found the lock taken started nothing: keep the connection. A stale snapshot
        // fails every time on its connection (SQLITE_BUSY_SNAPSHOT): take a fresh one.
        if (db.inTransaction || isStaleSnapshot(error)) {
          this.#connection = null;
          db.close();
        }
        await pause(wait * (0.5 + Math.random()));
      }
    }
  }
}
