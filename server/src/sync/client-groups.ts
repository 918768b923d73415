import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { clientGroups } from "../db/schema.ts";

/** A client group belongs to the user who first used it; nobody else may push or pull through it. */
export async function claimClientGroup(db: Db, clientGroupId: string, userId: string): Promise<void> {
  await db.insert(clientGroups).values({ id: clientGroupId, userId, createdAt: new Date().toISOString() }).onConflictDoNothing();
  const [group] = await db.select({ userId: clientGroups.userId }).from(clientGroups).where(eq(clientGroups.id, clientGroupId));
  if (group?.userId !== userId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "this client group belongs to another user" });
  }
}
