import { type AccessDecision, type CollectionName, categoriesOf, type DataCategory, handoverFor, type RecordOf, visibilityOf } from "@naast/shared";
import type { ClientView } from "../records/queries.ts";

type Accessible = Map<DataCategory, AccessDecision & { allowed: true }>;

/**
 * What the panel may show now. The server purges at the next pull, but a device that is offline
 * when a consent expires must stop showing it too: the same rule, applied on the device, through
 * the same visibility the server delivers by (an afspraak about housing needs housing too).
 */
export function shownNow(view: ClientView, accessible: Accessible): ClientView {
  const may = (category: DataCategory) => accessible.has(category);
  const shown = <C extends CollectionName>(collection: C, records: RecordOf<C>[]): RecordOf<C>[] =>
    records.filter((record) => {
      const visibility = visibilityOf(collection, record);
      return visibility.kind !== "category" || categoriesOf(visibility).every(may);
    });
  return {
    ...view,
    planDomains: shown("planDomains", view.planDomains),
    zrmScores: shown("zrmScores", view.zrmScores),
    agreements: shown("agreements", view.agreements),
    notes: shown("notes", view.notes),
    handovers: shown("handovers", view.handovers).map((h) => handoverFor(h, (category) => may(category as DataCategory))),
    handoverEvents: shown("handoverEvents", view.handoverEvents),
    handoverExports: shown("handoverExports", view.handoverExports),
    flexbudgetEntries: shown("flexbudgetEntries", view.flexbudgetEntries),
    timeoutEvents: shown("timeoutEvents", view.timeoutEvents),
    escalations: shown("escalations", view.escalations),
  };
}
