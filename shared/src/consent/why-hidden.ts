import type { SessionUser } from "../organisation/schema.ts";
import type { HiddenReason } from "../sync/protocol.ts";
import { type AccessSubject, canAccess } from "./can-access.ts";
import { dataCategories } from "./categories.ts";
import type { ConsentEvent } from "./schema.ts";

/**
 * Why a user may see nothing of a client, as the most telling reason over all categories: a
 * withdrawal or expiry says more than "never asked". The server sends it with a purge; an
 * offline panel works it out itself.
 */
export function whyHidden(user: SessionUser, client: AccessSubject, consents: readonly ConsentEvent[], now: string): HiddenReason {
  const rank = { withdrawn: 4, expired: 3, "not-yet-valid": 2, role: 1, "no-consent": 0 } as const;
  let best: HiddenReason = { reason: "no-consent", since: null };
  for (const category of dataCategories) {
    const decision = canAccess(user, client, category, consents, now);
    if (decision.allowed || rank[decision.reason] < rank[best.reason]) continue;
    const since = "since" in decision ? decision.since : "from" in decision ? decision.from : null;
    if (rank[decision.reason] > rank[best.reason] || (since && best.since && since > best.since)) best = { reason: decision.reason, since };
  }
  return best;
}
