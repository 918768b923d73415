import type { Person } from "@naast/shared";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { AccessPoint } from "../audit/entry.ts";
import { deviceKeys, records, sessions } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { adminChange } from "./admin.ts";
import { type OpenWork, type OpenWorkViewer, openWorkOf, peopleOf } from "./open-work.ts";

export type { OpenWork } from "./open-work.ts";

/** Who deactivates: a platform admin at the CLI (no user), or an organisation's admin in the panel. */
export interface Deactivator {
  userId: string | null;
  accessPoint: AccessPoint;
}

/**
 * Deactivates people in one audited, synced change: each `people` record turns inactive, and
 * in the same batch every session ends and every device key is deleted, so no request of hers
 * is served after this returns (lookUpSession checks both) and no device of hers can unlock its
 * local copy again (docs/decisions/0017-device-key-and-sealed-records.md). Her devices wipe at their next contact.
 */
async function deactivatePeople(services: Services, event: string, people: Person[], by: Deactivator, organisationId: string) {
  const now = new Date().toISOString();
  const ids = people.map((p) => p.id);
  await adminChange(
    services,
    event,
    by.accessPoint,
    async (records, tx) => {
      for (const person of people) await records.put("people", { ...person, active: false });
      if (ids.length === 0) return [];
      return [
        tx
          .update(sessions)
          .set({ revokedAt: now })
          .where(and(inArray(sessions.userId, ids), isNull(sessions.revokedAt))),
        tx.delete(deviceKeys).where(inArray(deviceKeys.userId, ids)),
      ];
    },
    // For an admin change, responsibleUserId names the person it is about (one person), and
    // organisationId her organisation.
    { userId: by.userId, organisationId, responsibleUserId: people.length === 1 ? (people[0]?.id ?? null) : null },
  );
}

/**
 * Deactivates one person; answers her open work as `viewer` may see it (her organisation's admin:
 * only what that organisation may see; the CLI: everything).
 */
export async function deactivateUser(services: Services, userId: string, by: Deactivator, viewer: OpenWorkViewer = null): Promise<OpenWork> {
  const [person] = await peopleOf(services.db, null, (p) => p.id === userId);
  if (!person) throw new Error(`unknown user ${userId}`);
  await deactivatePeople(services, "admin.deactivateUser", [person], by, person.organisationId);
  return openWorkOf(services.db, { ...person, active: false }, viewer && { ...viewer, now: services.clock.nowIso() });
}

/** A whole organisation: every one of its people, in one change. */
export async function deactivateOrganisation(services: Services, organisationId: string, by: Deactivator): Promise<OpenWork[]> {
  const organisation = await services.db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.collection, "organisations"), eq(records.id, organisationId)));
  if (organisation.length === 0) throw new Error(`unknown organisation ${organisationId}`);
  const people = await peopleOf(services.db, organisationId);
  await deactivatePeople(services, "admin.deactivateOrganisation", people, by, organisationId);
  return Promise.all(people.map((p) => openWorkOf(services.db, { ...p, active: false }, null)));
}
