import type { SessionUser } from "../organisation/schema.ts";
import type { HiddenReason } from "../sync/protocol.ts";
import { type AccessDenial, type AccessSubject, accessDecider, tellsMore } from "./can-access.ts";
import { dataCategories } from "./categories.ts";
import type { ConsentEvent } from "./schema.ts";

/**
 * Why a user may see nothing of a client, as the most telling denial over all categories (the
 * same ranking canAccess uses within one category). The server sends it with a purge; an offline
 * panel works it out itself, so both name the same reason and the same date.
 */
export function whyHidden(user: SessionUser, client: AccessSubject, consents: readonly ConsentEvent[], now: string): HiddenReason {
  let best: AccessDenial = { allowed: false, reason: "no-consent" };
  const decide = accessDecider(user, client, consents, now);
  for (const category of dataCategories) {
    const decision = decide(category);
    if (!decision.allowed && tellsMore(decision, best)) best = decision;
  }
  return { reason: best.reason, since: "since" in best ? best.since : "from" in best ? best.from : null };
}
