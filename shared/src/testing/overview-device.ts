import { accessibleCategories } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import { type ClientOverview, overviewOf } from "../overview/summary.ts";
import type { people } from "./fixtures.ts";
import { sessionUser } from "./fixtures.ts";
import type { MemoryStore } from "./memory-store.ts";

/**
 * What a device of this person's organisation would hold for the overview: only what canAccess
 * lets through (the server's pull rule), per client she may see at all, summarised as the overview
 * reads it (her notes as her last contact).
 */
export function deviceOf(store: MemoryStore, name: keyof typeof people, now: string): ClientOverview[] {
  const user = sessionUser(name);
  return store
    .all("clients")
    .map((client) => {
      const consents = store.all("consentEvents").filter((e) => e.clientId === client.id);
      const accessible = accessibleCategories(user, client, consents, now);
      const may = (category: DataCategory) => accessible.has(category);
      const of = <T extends { clientId: string }>(records: T[], category: DataCategory) =>
        may(category) ? records.filter((r) => r.clientId === client.id) : [];
      return {
        client,
        consentEvents: consents,
        agreements: of(store.all("agreements"), "agreements").filter((a) => a.domain === null || may(a.domain)),
        notes: of(store.all("notes"), "notes"),
        handovers: of(store.all("handovers"), "handovers"),
        handoverEvents: of(store.all("handoverEvents"), "handovers"),
        // Holder-only: the consent conversations reach only the holding organisation's devices.
        consentConversations:
          client.ownerOrganisationId === user.organisationId ? store.all("consentConversations").filter((c) => c.clientId === client.id) : [],
        timeoutEvents: of(store.all("timeoutEvents"), "timeout"),
        flexbudgetEntries: of(store.all("flexbudgetEntries"), "flexbudget"),
        visible: accessible.size > 0,
      };
    })
    .filter((r) => r.visible)
    .map(({ visible: _visible, ...records }) => overviewOf(records));
}
