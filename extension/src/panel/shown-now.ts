import { type AccessDecision, canAccess, type DataCategory, dataCategories, handoverFor, type SessionUser } from "@naast/shared";
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

/** Why nothing may be shown: a withdrawal or expiry says more than "never shared". */
export function whyNothingShown(user: SessionUser, view: ClientView, now: string): { reason: string; since: string | null } {
  const denials = dataCategories.map((c) => canAccess(user, view.client, c, view.consentEvents, now)).filter((d) => !d.allowed);
  const telling = denials.find((d) => d.reason === "withdrawn") ?? denials.find((d) => d.reason === "expired") ?? denials[0];
  if (!telling || telling.allowed) return { reason: "no-consent", since: null };
  return { reason: telling.reason, since: "since" in telling ? telling.since : "from" in telling ? telling.from : null };
}
