import { deriveHandovers, type Handover, type HandoverEvent } from "@naast/shared";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { accounts, records } from "../db/schema.ts";

/**
 * The start-up hint "ruben@iriszorg.demo has a handover waiting", from the database as it is now
 * (after a demo has been played with, or reseeded): each open handover addressed to a person,
 * by her e-mail address and the client's roepnaam.
 */
export async function waitingHandovers(db: Db): Promise<{ email: string; alias: string }[]> {
  const rows = await db
    .select()
    .from(records)
    .where(inArray(records.collection, ["handovers", "handoverEvents", "clients"]));
  const of = <T>(collection: string) => rows.filter((r) => r.collection === collection).map((r) => JSON.parse(r.data) as T);
  const open = deriveHandovers(of<Handover>("handovers"), of<HandoverEvent>("handoverEvents")).filter((s) => s.status === "open" && s.handover.toUserId);
  const clients = new Map(of<{ id: string; alias: string }>("clients").map((c) => [c.id, c.alias]));
  const hints: { email: string; alias: string }[] = [];
  for (const { handover } of open) {
    const [account] = await db
      .select({ email: accounts.email })
      .from(accounts)
      .where(eq(accounts.userId, handover.toUserId ?? ""));
    if (account) hints.push({ email: account.email, alias: clients.get(handover.clientId) ?? "?" });
  }
  return hints;
}
