import { type AccessDecision, type DataCategory, handoverFor, shownRecords } from "@naast/shared";
import type { ClientView } from "../records/queries.ts";

type Accessible = Map<DataCategory, AccessDecision & { allowed: true }>;

/**
 * What the panel may show now: the client view through the shared rule (shownRecords), so a
 * device that is offline when a consent expires stops showing it too.
 */
export function shownNow(view: ClientView, accessible: Accessible): ClientView {
  const may = (category: DataCategory) => accessible.has(category);
  return {
    ...view,
    planDomains: shownRecords("planDomains", view.planDomains, may),
    zrmScores: shownRecords("zrmScores", view.zrmScores, may),
    agreements: shownRecords("agreements", view.agreements, may),
    notes: shownRecords("notes", view.notes, may),
    handovers: shownRecords("handovers", view.handovers, may).map((h) => handoverFor(h, (category) => may(category as DataCategory))),
    handoverEvents: shownRecords("handoverEvents", view.handoverEvents, may),
    handoverExports: shownRecords("handoverExports", view.handoverExports, may),
    flexbudgetEntries: shownRecords("flexbudgetEntries", view.flexbudgetEntries, may),
    timeoutEvents: shownRecords("timeoutEvents", view.timeoutEvents, may),
    escalations: shownRecords("escalations", view.escalations, may),
  };
}
