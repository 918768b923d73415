import type { DataCategory } from "./categories.ts";
import type { ConsentEvent, ConsentRecorded, ConsentWithdrawn } from "./schema.ts";

export type ConsentStatus = "pending" | "active" | "expired" | "withdrawn";

/** One organisation × category that a consent granted, and what became of it. */
export interface ConsentGrant {
  organisationId: string;
  category: DataCategory;
  withdrawal: ConsentWithdrawn | null;
}

export interface ConsentState {
  consent: ConsentRecorded;
  status: ConsentStatus;
  grants: ConsentGrant[];
  /** Withdrawals in the order they were made, for the history. */
  withdrawals: ConsentWithdrawn[];
}

const at = (instant: string) => Date.parse(instant);

/** A withdrawal's lists as sets, made once per withdrawal (null: all of them). */
interface Scope {
  withdrawal: ConsentWithdrawn;
  organisations: ReadonlySet<string> | null;
  categories: ReadonlySet<string> | null;
}

const scopeOf = (withdrawal: ConsentWithdrawn): Scope => ({
  withdrawal,
  organisations: withdrawal.organisations && new Set(withdrawal.organisations),
  categories: withdrawal.categories && new Set(withdrawal.categories),
});

/**
 * The state of every consent of one client at `now`, derived from its event log. A withdrawal
 * counts from its instant on, so replaying the log for an earlier moment gives that moment's truth.
 */
export function deriveConsents(events: readonly ConsentEvent[], now: string): ConsentState[] {
  const t = at(now);
  const withdrawalsByConsent = new Map<string, ConsentWithdrawn[]>();
  for (const event of events) {
    if (event.type !== "withdrawn" || at(event.withdrawnAt) > t) continue;
    const list = withdrawalsByConsent.get(event.consentId) ?? [];
    list.push(event);
    withdrawalsByConsent.set(event.consentId, list);
  }
  const states: ConsentState[] = [];
  for (const event of events) {
    if (event.type !== "recorded" || at(event.recordedAt) > t) continue;
    const withdrawals = (withdrawalsByConsent.get(event.consentId) ?? []).sort((a, b) => at(a.withdrawnAt) - at(b.withdrawnAt));
    // Each grant is the earliest withdrawal that covers it: one pass over the withdrawals, each
    // looked at through sets, so the cost is grants × withdrawals, whatever their lists hold.
    const scopes = withdrawals.map(scopeOf);
    const grants: ConsentGrant[] = [];
    for (const organisationId of new Set(event.grantedTo)) {
      for (const category of new Set(event.categories)) {
        const scope = scopes.find((w) => (!w.organisations || w.organisations.has(organisationId)) && (!w.categories || w.categories.has(category)));
        grants.push({ organisationId, category, withdrawal: scope?.withdrawal ?? null });
      }
    }
    let status: ConsentStatus;
    if (grants.every((g) => g.withdrawal !== null)) status = "withdrawn";
    else if (t >= at(event.validUntil)) status = "expired";
    else if (t < at(event.validFrom)) status = "pending";
    else status = "active";
    states.push({ consent: event, status, grants, withdrawals });
  }
  return states;
}

/** The team is reminded from 30 days before a consent runs out, so it can be renewed in time. */
export const expiryReminderDays = 30;

export function expiresSoon(state: ConsentState, now: string): boolean {
  const remaining = at(state.consent.validUntil) - at(now);
  return state.status === "active" && remaining <= expiryReminderDays * 24 * 3600 * 1000;
}
