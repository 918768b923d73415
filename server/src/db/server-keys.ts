import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Sql } from "./connect.ts";
import { serverKeys } from "./schema.ts";

/**
 * A key the server makes once and keeps in the database, so every instance on it signs the same
 * way (the first to start makes it; the others read that one).
 */
export class ServerKeys {
  readonly #keys = new Map<string, Promise<Buffer>>();

  constructor(private readonly database: Database) {}

  get(name: string): Promise<Buffer> {
    let key = this.#keys.get(name);
    if (!key) {
      key = this.#load(name);
      key.catch(() => this.#keys.delete(name));
      this.#keys.set(name, key);
    }
    return key;
  }

  async #load(name: string): Promise<Buffer> {
    const read = (db: Sql) => db.select({ key: serverKeys.key }).from(serverKeys).where(eq(serverKeys.name, name));
    let [row] = await read(this.database.db);
    if (!row) {
      // Through `write`, like every write: the first instance to get there makes it.
      [row] = await this.database.write(async (tx) => {
        await tx
          .insert(serverKeys)
          .values({ name, key: randomBytes(32).toString("hex") })
          .onConflictDoNothing();
        return read(tx);
      });
    }
    if (!row) throw new Error(`server key ${name} could not be stored`);
    return Buffer.from(row.key, "hex");
  }
}
