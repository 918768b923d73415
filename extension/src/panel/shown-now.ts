import { type AccessDecision, type DataCategory, handoverFor } from "@naast/shared";
import type { ClientView } from "./queries.ts";

type Accessible = Map<DataCategory, AccessDecision & { allowed: true }>;

/**
 * What the panel may show now. The server purges at the next pull, but a device that is offline
 * when a consent expires must stop showing it too: the same rule, applied on the device.
 */
export function shownNow(view: ClientView, accessible: Accessible): ClientView {
  const may = (category: DataCategory) => accessible.has(category);
  return {
    ...view,
    planDomains: view.planDomains.filter((p) => may(p.domain)),
    zrmScores: view.zrmScores.filter((s) => may(s.domain)),
    agreements: may("agreements") ? view.agreements : [],
    notes: may("notes") ? view.notes : [],
    handovers: may("handovers") ? view.handovers.map((h) => handoverFor(h, (category) => may(category as DataCategory))) : [],
    handoverEvents: may("handovers") ? view.handoverEvents : [],
    handoverExports: may("handovers") ? view.handoverExports : [],
  };
}
