import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { type AuditAppender, EmbeddedAuditAppender } from "../audit/appender.ts";
import { type AuditFacts, chainAuditRows } from "../audit/entry.ts";
import { EmbeddedWriter } from "./embedded-writer.ts";
import * as schema from "./schema.ts";
import { Turns } from "./turn.ts";
import { type WriteChannel, WriteQueue } from "./write-transaction.ts";

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export type Db = ReturnType<typeof drizzle<typeof schema>>;
/**
 * The database or an open write transaction on it: what reads and writes run on. Its run result is
 * left open: the embedded writer's transactions are on another driver (db/embedded-writer.ts).
 */
export type Sql = BaseSQLiteDatabase<"async", unknown, typeof schema, ExtractTablesWithRelations<typeof schema>>;

/** How an embedded database syncs a commit to disk (docs/decisions/0015-serialised-in-the-database.md). */
export type Synchronous = "full" | "normal";

export interface Database {
  db: Db;
  client: Client;
  /**
   * Runs a read-decide-write inside a write transaction in the database (`BEGIN IMMEDIATE`), so it
   * is serialised against every other writer: this process, other server instances, the CLI.
   * Resolves once committed. The work may run more than once (when the database was busy), so it
   * must read and write only through `tx`. See WriteQueue.
   */
  write<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Appends audit rows that go with nothing else (a pull's deliveries), group-committed; resolves
   * once they are committed. Embedded, on a connection of its own whose commits (and their sync to
   * disk) run off the event loop (audit/appender.ts); on a libSQL server, through `write`.
   */
  appendAudit(facts: AuditFacts[]): Promise<void>;
  close(): void;
}

/**
 * Opens the database and brings its schema up to date. A `file:` URL is the embedded default
 * (its folder is created on first start); a `libsql://` or `http://` URL uses a libSQL server
 * with the same code.
 */
export async function openDatabase(url: string, authToken?: string, options: { synchronous?: Synchronous } = {}): Promise<Database> {
  const embedded = url.startsWith("file:");
  if (embedded) keepPrivate(resolve(url.slice("file:".length)));
  // Reads share a pool of connections (under WAL they do not wait for writers). Every write goes
  // through `write`, none to the pool: a write there would wait for the lock on the event loop
  // while this process's writer, holding it, needs the event loop to go on (a deadlock until the
  // busy timeout). `write`: one connection, one transaction at a time in this process. Embedded, that
  // connection runs its transactions off the event loop (db/embedded-writer.ts), its commit's sync
  // to disk and its wait for another instance's lock included; on a libSQL server statements are
  // network calls, which never block.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), timeout: 5_000 });
  if (embedded) await client.execute("PRAGMA journal_mode = WAL");
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder }).catch(async () => {
    // Instances started together on a fresh database: another one may have been migrating it. Once more, then for real.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await migrate(db, { migrationsFolder });
  });
  // Embedded, the writer and the audit appender take turns at the lock within this process.
  const turns = new Turns();
  let writer: WriteChannel & { close(): void };
  if (embedded) {
    writer = new EmbeddedWriter(resolve(url.slice("file:".length)), options.synchronous ?? "full", turns);
  } else {
    const remote = createClient({ url, ...(authToken ? { authToken } : {}), concurrency: 1 });
    const remoteDb = drizzle(remote, { schema });
    writer = {
      transaction: (group) => remoteDb.transaction((tx) => group(tx)),
      recover: async () => {
        await remote.reconnect();
      },
      close: () => remote.close(),
    };
  }
  const queue = new WriteQueue(writer);
  const write = <T>(work: (tx: Sql) => Promise<T>) => queue.run(work);
  const appender: AuditAppender = embedded
    ? new EmbeddedAuditAppender(resolve(url.slice("file:".length)), options.synchronous ?? "full", turns)
    : {
        async append(facts) {
          if (facts.length === 0) return;
          await write(async (tx) => {
            await tx.insert(schema.auditLog).values(await chainAuditRows(tx, facts));
          });
        },
        close: async () => undefined,
      };
  return {
    db,
    client,
    write,
    appendAudit: (facts) => appender.append(facts),
    close: () => {
      client.close();
      writer.close();
      void appender.close();
    },
  };
}

/**
 * Client data is for the server's own user only: a data folder it creates is 0700, and the
 * database file is 0600 before libSQL first opens it (SQLite gives its -wal and -shm files the
 * database file's mode). A folder that already existed is the operator's and is left alone.
 */
function keepPrivate(file: string) {
  const folder = dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}
