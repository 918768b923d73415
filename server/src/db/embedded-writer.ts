import { drizzle } from "drizzle-orm/sqlite-proxy";
import AsyncDatabase from "libsql/promise";
import type { Sql } from "./connect.ts";
import * as schema from "./schema.ts";
import type { Turns } from "./turn.ts";
import { isStaleSnapshot, type WriteChannel } from "./write-transaction.ts";

/** The few calls of libsql's promise API used here (its own types say `any`). */
interface Statement {
  readonly reader: boolean;
  raw(toggle?: boolean): Statement;
  safeIntegers(toggle?: boolean): Statement;
  run(params: unknown[]): unknown;
  all(params: unknown[]): Promise<unknown[][]>;
}
interface Connection {
  readonly inTransaction: boolean;
  exec(sql: string): Promise<unknown>;
  prepare(sql: string): Promise<Statement>;
  close(): void;
}
interface Open {
  db: Connection;
  statements: Map<string, Statement>;
}

type Method = "run" | "all" | "values" | "get";

/** Statements that open, end or mark a transaction: run through `exec`, off the event loop. */
const control = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;
/** Prepared statements kept per connection (a multi-row insert is a statement of its own per row count). */
const keptStatements = 256;

/**
 * The writer's connection of an embedded database, through libsql's promise API. On the
 * `@libsql/client` connection every statement ran on the event loop, the `COMMIT` with its sync to
 * disk (`synchronous = FULL`) included, so each push stopped every other request of the process
 * for as long as the disk took. Here `BEGIN IMMEDIATE` (with its wait for another instance's lock),
 * `COMMIT` and every query run off the event loop; only a write statement inside the transaction
 * (`run`: into the page cache, no sync) stays on it. Statements are prepared once per connection.
 * The transactions are the same `BEGIN IMMEDIATE` ones, on one connection, one at a time (the
 * WriteQueue), so what decision 0015 says of the writer holds unchanged.
 */
export class EmbeddedWriter implements WriteChannel {
  readonly db: Sql;
  #open: Promise<Open> | null = null;
  #closed = false;

  constructor(
    private readonly path: string,
    private readonly synchronous: "full" | "normal",
    /** Shared with this process's audit appender. */
    private readonly turns: Turns,
    /**
     * Busy timeout (ms), kept short though it is spent off the event loop: the wait holds one of
     * libsql's few worker threads (one per core), which another connection in this process (a
     * second database handle, as tests open) may need to commit and release the very lock waited
     * for; two such waits stalled a write 5 s. The WriteQueue retries instead.
     */
    private readonly busyTimeoutMs = 5,
  ) {
    this.db = drizzle((sql, params, method) => this.#query(sql, params, method), { schema });
  }

  transaction<T>(group: (tx: Sql) => Promise<T>): Promise<T> {
    return this.turns.take(() => this.db.transaction((tx) => group(tx), { behavior: "immediate" }));
  }

  /**
   * After "busy". A `BEGIN IMMEDIATE` that found the lock taken started nothing: the connection
   * and its prepared statements are kept. One left inside a transaction, or on a stale snapshot
   * (which fails every time on its connection), is replaced by a fresh one.
   */
  async recover(error: unknown): Promise<void> {
    const open = await this.#open?.catch(() => null);
    if (open && !open.db.inTransaction && !isStaleSnapshot(error)) return;
    this.#drop();
  }

  /** Closes the connection; a write after this fails instead of opening a new one. */
  close(): void {
    this.#closed = true;
    this.#drop();
  }

  #drop(): void {
    const open = this.#open;
    this.#open = null;
    void open?.then(({ db }) => db.close()).catch(() => undefined);
  }

  #connection(): Promise<Open> {
    if (this.#closed) return Promise.reject(new Error("the database was closed"));
    this.#open ??= (async () => {
      const db = new AsyncDatabase(this.path, { timeout: this.busyTimeoutMs }) as unknown as Connection;
      // Per connection and never inside a transaction: set once, when it opens.
      await db.exec(`PRAGMA synchronous = ${this.synchronous.toUpperCase()}`);
      return { db, statements: new Map() };
    })();
    const opening = this.#open;
    opening.catch(() => {
      if (this.#open === opening) this.#open = null;
    });
    return opening;
  }

  async #query(sql: string, params: unknown[], method: Method): Promise<{ rows: unknown[] }> {
    const { db, statements } = await this.#connection();
    if (params.length === 0 && method === "run" && control.test(sql)) {
      // A failed statement can end the whole transaction (SQLite rolls back on some errors): then
      // the ROLLBACK that follows would fail too and hide that error, "busy" included.
      if (/^\s*rollback\s*$/i.test(sql) && !db.inTransaction) return { rows: [] };
      await db.exec(sql);
      return { rows: [] };
    }
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql); // kept most recently used last
    } else {
      statement = (await db.prepare(sql)).safeIntegers(true);
      if (statements.size >= keptStatements) statements.delete(statements.keys().next().value ?? "");
    }
    statements.set(sql, statement);
    const args = params.map(toSql);
    if (method === "run" || !statement.reader) {
      statement.run(args);
      return { rows: [] };
    }
    const rows = (await statement.raw(true).all(args)).map((row) => row.map(fromSql));
    // `get` answers one row, or undefined when there is none (as drizzle's proxy expects).
    return { rows: method === "get" ? (rows[0] as unknown[]) : rows };
  }
}

/** A parameter as `@libsql/client` passes it (libsql's native binding aborts the process on a boolean). */
function toSql(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new RangeError("Only finite numbers can be passed to the database");
      return value;
    case "boolean":
      return value ? 1 : 0;
    case "string":
    case "bigint":
      return value;
    case "undefined":
      throw new TypeError("undefined cannot be passed as argument to the database");
  }
  if (value === null || value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  throw new TypeError(`a ${Object.prototype.toString.call(value)} cannot be passed as argument to the database`);
}

/** A value as drizzle's libsql driver hands it on (integers as numbers, refused beyond 2^53; blobs as Buffer). */
function fromSql(value: unknown): unknown {
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError("Received integer which cannot be safely represented as a JavaScript number");
    }
    return Number(value);
  }
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  return value;
}
