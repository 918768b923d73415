import { type PortalAdapter, portalAdapterSchema } from "@naast/shared";
import type { NaastDatabase } from "../storage/db.ts";

/** The adapters that synced (every organisation's, removed ones included), each checked by its schema. */
export async function readAdapters(db: NaastDatabase): Promise<PortalAdapter[]> {
  const rows = await db.records.where("collection").equals("portalAdapters").toArray();
  return rows.flatMap((r) => {
    const parsed = portalAdapterSchema.safeParse(r.data);
    return parsed.success ? [parsed.data] : [];
  });
}
