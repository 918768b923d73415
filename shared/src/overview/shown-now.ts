import { accessibleCategories } from "../consent/can-access.ts";
import { type DataCategory, dataCategories } from "../consent/categories.ts";
import { shownRecords } from "../consent/shown-now.ts";
import { handoverFor } from "../handover/redact.ts";
import type { SessionUser } from "../organisation/schema.ts";
import { KeptPerOverview } from "./kept.ts";
import type { ClientOverview } from "./summary.ts";

/** What this process last decided per overview, while the user and her access stand. */
const decided = new KeptPerOverview<ClientOverview | null>();

/**
 * A client's overview as the user may see it now, or null when she may see nothing of her now:
 * the rule the client view applies (consent/shown-now.ts), so a device that was offline when a
 * consent ended, or a closed client's sharing ran out, stops listing and counting her at once,
 * not at the next pull. Every list and count of the overview takes its clients through this.
 */
export function overviewShownNow(user: SessionUser, overview: ClientOverview, now: string): ClientOverview | null {
  return decided.get(overview, now, `${user.id}|${user.organisationId}|${user.role}`, () => decide(user, overview, now));
}

function decide(user: SessionUser, overview: ClientOverview, now: string): ClientOverview | null {
  const accessible = accessibleCategories(user, overview.client, overview.consentEvents, now);
  if (accessible.size === 0) return null;
  // The holder (or a consent for everything) sees all of it: the same object, so what is derived from it keeps.
  if (accessible.size === dataCategories.length) return overview;
  const may = (category: string) => accessible.has(category as DataCategory);
  return {
    ...overview,
    agreements: shownRecords("agreements", overview.agreements, may),
    handovers: shownRecords("handovers", overview.handovers, may).map((h) => handoverFor(h, may)),
    handoverEvents: shownRecords("handoverEvents", overview.handoverEvents, may),
    escalations: shownRecords("escalations", overview.escalations ?? [], may),
    timeoutEvents: shownRecords("timeoutEvents", overview.timeoutEvents ?? [], may),
    flexbudgetEntries: shownRecords("flexbudgetEntries", overview.flexbudgetEntries ?? [], may),
    lastContactAt: may("notes") ? overview.lastContactAt : null,
  };
}

/** The clients of an overview as the user may see them now (see overviewShownNow). */
export const overviewsShownNow = (user: SessionUser, overviews: readonly ClientOverview[], now: string): ClientOverview[] =>
  overviews.flatMap((overview) => overviewShownNow(user, overview, now) ?? []);
