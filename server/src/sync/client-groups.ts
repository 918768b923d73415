import { refusal } from "@naast/shared";
import { eq } from "drizzle-orm";
import type { Database } from "../db/connect.ts";
import { clientGroups } from "../db/schema.ts";
import { refuse } from "../refusal.ts";

/**
 * A client group belongs to the user who first used it; nobody else may push or pull through it.
 * A group never changes hands (nothing updates or deletes its row), so an owner once read stays
 * true: remembering it spares every later push and pull the two statements of a claim.
 */
export class ClientGroupStore {
  readonly #owners = new Map<string, string>();

  constructor(private readonly database: Database) {}

  async claim(clientGroupId: string, userId: string): Promise<void> {
    let owner = this.#owners.get(clientGroupId);
    if (owner === undefined) {
      const createdAt = new Date().toISOString();
      await this.database.write((tx) => tx.insert(clientGroups).values({ id: clientGroupId, userId, createdAt }).onConflictDoNothing());
      const [group] = await this.database.db.select({ userId: clientGroups.userId }).from(clientGroups).where(eq(clientGroups.id, clientGroupId));
      owner = group?.userId;
      if (owner !== undefined) {
        if (this.#owners.size > 100_000) this.#owners.clear();
        this.#owners.set(clientGroupId, owner);
      }
    }
    if (owner !== userId) {
      throw refuse("FORBIDDEN", refusal("sync.other-user"), "this client group belongs to another user");
    }
  }
}
