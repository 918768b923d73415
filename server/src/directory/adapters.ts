import { collections, newPortalAdapterSchema, type Person, type PortalAdapter } from "@naast/shared";
import { and, eq } from "drizzle-orm";
import type { AccessPoint } from "../audit/entry.ts";
import { records } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { adminChange } from "./admin.ts";

/**
 * An organisation's EPD portals, as data: saved, listed and removed by its admin (the CLI, through
 * the server's API) while the server runs, and synced to every device like any directory record.
 * A removed adapter stays as a record with `removedAt`, so devices learn of the removal on their
 * next pull and give up the portal's access.
 */
export class AdapterRefused extends Error {
  constructor(
    readonly code: "adapter-other-organisation" | "adapter-unknown",
    message: string,
  ) {
    super(message);
    this.name = "AdapterRefused";
  }
}

export async function listPortalAdapters(services: Services, organisationId: string | null = null): Promise<PortalAdapter[]> {
  const rows = await services.db.select({ data: records.data }).from(records).where(eq(records.collection, "portalAdapters"));
  const all = rows.map((r) => collections.portalAdapters.parse(JSON.parse(r.data)));
  return all.filter((a) => organisationId === null || a.organisationId === organisationId).sort((a, b) => a.id.localeCompare(b.id));
}

/** The audit names the admin who did it (null: the CLI on the server's own machine, or the seed). */
const auditedAs = (admin: Person | null) => (admin ? { userId: admin.id, organisationId: admin.organisationId, responsibleUserId: admin.id } : {});

async function existing(services: Services, id: string): Promise<PortalAdapter | undefined> {
  const [row] = await services.db
    .select({ data: records.data })
    .from(records)
    .where(and(eq(records.collection, "portalAdapters"), eq(records.id, id)));
  return row ? collections.portalAdapters.parse(JSON.parse(row.data)) : undefined;
}

/**
 * Saves an adapter after the rules (a WebExtension match pattern for one portal, bounded
 * patterns: shared/src/portal). `asOrganisation` is the admin's organisation: she may not take
 * over another organisation's adapter id.
 */
export async function savePortalAdapter(services: Services, input: PortalAdapter, accessPoint: AccessPoint = "cli", admin: Person | null = null) {
  const adapter = newPortalAdapterSchema.parse({ ...input, removedAt: null });
  await adminChange(
    services,
    "admin.savePortalAdapter",
    accessPoint,
    async (tx) => {
      const before = await tx.get("portalAdapters", adapter.id);
      if (admin && before && before.organisationId !== admin.organisationId) {
        throw new AdapterRefused("adapter-other-organisation", `adapter ${adapter.id} belongs to another organisation; choose another id`);
      }
      if (!(await tx.get("organisations", adapter.organisationId))) throw new Error(`unknown organisation ${adapter.organisationId}`);
      await tx.put("portalAdapters", adapter);
      return undefined;
    },
    auditedAs(admin),
  );
  return adapter;
}

export async function removePortalAdapter(services: Services, id: string, accessPoint: AccessPoint = "cli", admin: Person | null = null) {
  const adapter = await existing(services, id);
  if (!adapter || (admin && adapter.organisationId !== admin.organisationId)) {
    throw new AdapterRefused("adapter-unknown", `your organisation has no adapter ${id}`);
  }
  const removed: PortalAdapter = { ...adapter, removedAt: services.clock.nowIso() };
  await adminChange(
    services,
    "admin.removePortalAdapter",
    accessPoint,
    async (tx) => {
      await tx.put("portalAdapters", removed);
      return undefined;
    },
    auditedAs(admin),
  );
  return removed;
}
