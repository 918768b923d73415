import { z } from "zod";
import type { SessionUser } from "../organisation/schema.ts";
import { type AccessDenial, type AccessSubject, accessDecider, tellsMore } from "./can-access.ts";
import { dataCategories } from "./categories.ts";
import type { ConsentEvent } from "./schema.ts";

/** Why a client is hidden from the user, so the panel can say so instead of showing nothing. */
export const hiddenReasonSchema = z.object({
  reason: z.enum(["no-consent", "withdrawn", "expired", "not-yet-valid", "role", "closed"]),
  since: z.string().nullable(),
});
export type HiddenReason = z.infer<typeof hiddenReasonSchema>;

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
