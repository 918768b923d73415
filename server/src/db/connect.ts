import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import * as schema from "./schema.ts";

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export type Db = ReturnType<typeof drizzle<typeof schema>>;
export interface Database {
  db: Db;
  client: Client;
  close(): void;
}

/**
 * Opens the database and brings its schema up to date. A `file:` URL is the embedded default
 * (its folder is created on first start); a `libsql://` or `http://` URL uses a libSQL server
 * with the same code.
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith("file:")) keepPrivate(resolve(url.slice("file:".length)));
  const client = createClient(authToken ? { url, authToken } : { url });
  if (url.startsWith("file:")) {
    // WAL lets pulls read while a push writes; NORMAL sync is still durable when the process dies.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA busy_timeout = 5000");
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db, client, close: () => client.close() };
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
