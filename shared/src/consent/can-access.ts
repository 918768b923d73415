import type { Client, FormerOwner } from "../client/schema.ts";
import type { CovenantGrant } from "../escalation/schema.ts";
import type { SessionUser } from "../organisation/schema.ts";
import type { DataCategory } from "./categories.ts";
import { dataCategories } from "./categories.ts";
import type { ConsentEvent } from "./schema.ts";
import { type ConsentGrant, type ConsentState, deriveConsents } from "./state.ts";

export type AccessDecision =
  | { allowed: true; basis: "owner" }
  | { allowed: true; basis: "consent"; consentId: string }
  /** Read-only: the user's organisation handed the client over and may read her record until `until`. */
  | { allowed: true; basis: "handover"; until: string }
  /** The municipality sees the escalations of a client under the Zorg- en Veiligheidshuis covenant the holder recorded. */
  | { allowed: true; basis: "covenant"; escalationId: string }
  | { allowed: false; reason: "role" }
  | { allowed: false; reason: "no-consent" }
  | { allowed: false; reason: "withdrawn"; consentId: string; since: string }
  | { allowed: false; reason: "expired"; consentId: string; since: string }
  | { allowed: false; reason: "not-yet-valid"; consentId: string; from: string }
  /** The holder closed the client; sharing with everyone else ended at `since` (see client/closure.ts). */
  | { allowed: false; reason: "closed"; since: string };
export type AccessDenial = AccessDecision & { allowed: false };

/** Roles that never see individual client data: the municipality's policy officers get figures only. */
const rolesWithoutClientData = new Set<SessionUser["role"]>(["policy", "admin"]);

/**
 * What canAccess needs to know of a client: who holds her, who handed her over, and whether she
 * was closed (none if omitted).
 */
export type AccessSubject = Pick<Client, "ownerOrganisationId"> & {
  formerOwners?: readonly FormerOwner[] | undefined;
  closure?: Pick<NonNullable<Client["closure"]>, "closedAt" | "sharingEndsAt"> | null | undefined;
  covenants?: readonly Pick<CovenantGrant, "organisationId" | "escalationId" | "since" | "until">[] | undefined;
};

/**
 * The covenant basis an organisation has for a client's escalations now: a grant recorded for
 * it, since ≤ now < until (an open escalation's grant has no end yet).
 */
export function covenantGrant(client: AccessSubject, organisationId: string, now: string): { escalationId: string } | null {
  const t = Date.parse(now);
  for (const grant of client.covenants ?? []) {
    if (grant.organisationId !== organisationId || t < Date.parse(grant.since)) continue;
    if (grant.until === null || t < Date.parse(grant.until)) return { escalationId: grant.escalationId };
  }
  return null;
}

/**
 * The one ranking of denials, for canAccess (over the consents of one category) and whyHidden
 * (over the categories): a closed client, then the latest withdrawal, then the latest expiry, then
 * the earliest start still to come, then a role without client data, then "never asked". True
 * when `candidate` tells more than `current`.
 */
export function tellsMore(candidate: AccessDenial, current: AccessDenial): boolean {
  const rank = { closed: 5, withdrawn: 4, expired: 3, "not-yet-valid": 2, role: 1, "no-consent": 0 } as const;
  if (rank[candidate.reason] !== rank[current.reason]) return rank[candidate.reason] > rank[current.reason];
  const moment = (d: AccessDenial) => ("since" in d ? Date.parse(d.since) : "from" in d ? -Date.parse(d.from) : 0);
  return moment(candidate) > moment(current);
}

/**
 * The read-only grant an organisation keeps after handing the client over: the latest
 * `readOnlyUntil` among its entries, while now < readOnlyUntil.
 */
export function handoverGrant(client: AccessSubject, organisationId: string, now: string): { until: string } | null {
  const t = Date.parse(now);
  let best: { until: string; at: number } | null = null;
  for (const former of client.formerOwners ?? []) {
    if (former.organisationId !== organisationId) continue;
    const until = Date.parse(former.readOnlyUntil);
    if (t < until && (!best || until > best.at)) best = { until: former.readOnlyUntil, at: until };
  }
  return best && { until: best.until };
}

/**
 * The one rule that decides every read of client data, on the server (pull, push) and in the
 * panel (to explain what is hidden and why). Pure: the same inputs give the same answer.
 *
 * The organisation that holds the client owns her record; any other organisation sees a
 * category only while a consent grants it that category: recorded, not withdrawn, and
 * validFrom ≤ now < validUntil. An organisation that handed the client over reads every
 * category, read-only, while now < its `readOnlyUntil` (basis "handover"), unless ownership or
 * a consent already allows it. A municipality the holder escalated to on the Zorg- en
 * Veiligheidshuis covenant sees that client's escalations (basis "covenant"), nothing else. Once the holder closed the client and the period after closing
 * ended, nobody but the holder sees anything, whatever the consents. The user's organisation is
 * the one she belongs to *now*.
 */
export function canAccess(user: SessionUser, client: AccessSubject, category: DataCategory, consents: readonly ConsentEvent[], now: string): AccessDecision {
  return accessDecider(user, client, consents, now)(category);
}

/**
 * canAccess for one user and client, for as many categories as asked: the consent log is derived
 * once, and the user's organisation's grants indexed by category once, so asking all categories
 * costs what the log holds, not that times the number of categories.
 */
export function accessDecider(
  user: SessionUser,
  client: AccessSubject,
  consents: readonly ConsentEvent[],
  now: string,
): (category: DataCategory) => AccessDecision {
  let mine: Map<DataCategory, { state: ConsentState; grant: ConsentGrant }[]> | undefined;
  const grantsFor = (category: DataCategory) => {
    if (!mine) {
      mine = new Map();
      for (const state of deriveConsents(consents, now)) {
        for (const grant of state.grants) {
          if (grant.organisationId !== user.organisationId) continue;
          const list = mine.get(grant.category) ?? [];
          list.push({ state, grant });
          mine.set(grant.category, list);
        }
      }
    }
    return mine.get(category) ?? [];
  };
  return (category) => {
    if (rolesWithoutClientData.has(user.role)) return { allowed: false, reason: "role" };
    if (client.ownerOrganisationId === user.organisationId) return { allowed: true, basis: "owner" };
    const closure = client.closure;
    if (closure && Date.parse(now) >= Date.parse(closure.sharingEndsAt)) return { allowed: false, reason: "closed", since: closure.sharingEndsAt };

    // When no consent allows it, the reason told is the most telling one, whatever the log's order.
    let denial: AccessDenial = { allowed: false, reason: "no-consent" };
    const better = (candidate: AccessDenial) => {
      if (tellsMore(candidate, denial)) denial = candidate;
    };
    for (const { state, grant } of grantsFor(category)) {
      if (grant.withdrawal) {
        better({ allowed: false, reason: "withdrawn", consentId: state.consent.consentId, since: grant.withdrawal.withdrawnAt });
      } else if (state.status === "active") {
        return { allowed: true, basis: "consent", consentId: state.consent.consentId };
      } else if (state.status === "expired") {
        better({ allowed: false, reason: "expired", consentId: state.consent.consentId, since: state.consent.validUntil });
      } else if (state.status === "pending") {
        better({ allowed: false, reason: "not-yet-valid", consentId: state.consent.consentId, from: state.consent.validFrom });
      }
    }
    // The covenant reaches the escalations only, and gives way to a consent that allows them.
    if (category === "escalations") {
      const covenant = covenantGrant(client, user.organisationId, now);
      if (covenant) return { allowed: true, basis: "covenant", escalationId: covenant.escalationId };
    }
    const handover = handoverGrant(client, user.organisationId, now);
    if (handover) return { allowed: true, basis: "handover", until: handover.until };
    return denial;
  };
}

/**
 * Whether the user may see a record that needs several categories, all of them (an afspraak about
 * housing needs "agreements" and "housing"): the first denial; else a read-only (handover)
 * decision if one category is allowed on that basis only, since the record may then be read but
 * not changed (a former holder with consent for afspraken but not for housing adds no afspraak
 * about housing); else the decision for the first.
 */
export function canAccessAll(
  user: SessionUser,
  client: AccessSubject,
  categories: readonly [DataCategory, ...DataCategory[]],
  consents: readonly ConsentEvent[],
  now: string,
): AccessDecision {
  const [first, ...rest] = categories;
  const decide = accessDecider(user, client, consents, now);
  let decision = decide(first);
  if (!decision.allowed) return decision;
  for (const category of rest) {
    const other = decide(category);
    if (!other.allowed) return other;
    if (other.basis === "handover" && decision.basis !== "handover") decision = other;
  }
  return decision;
}

/** Every category the user may see of this client now, with the decision that allows it. */
export function accessibleCategories(
  user: SessionUser,
  client: AccessSubject,
  consents: readonly ConsentEvent[],
  now: string,
): Map<DataCategory, AccessDecision & { allowed: true }> {
  const result = new Map<DataCategory, AccessDecision & { allowed: true }>();
  const decide = accessDecider(user, client, consents, now);
  for (const category of dataCategories) {
    const decision = decide(category);
    if (decision.allowed) result.set(category, decision);
  }
  return result;
}

/**
 * Until when the user only reads this client, when every category she may see comes from an
 * earlier handover's read-only grant (she no longer works with her); else null.
 */
export function readOnlyUntil(accessible: ReadonlyMap<DataCategory, AccessDecision & { allowed: true }>): string | null {
  const decisions = [...accessible.values()];
  const [first] = decisions;
  return first?.basis === "handover" && decisions.every((d) => d.basis === "handover") ? first.until : null;
}

/**
 * The next instant (ms) after `now` at which a decision of accessDecider about this client could
 * flip by the clock alone: a consent that starts, ends or is withdrawn, the end of a former
 * holder's read-only period, the end of sharing after she was closed, a covenant basis starting
 * or ending. Until then a decision made at `now` stands (a cache of decisions may keep it).
 */
export function nextAccessChange(client: AccessSubject, consents: readonly ConsentEvent[], now: string): number {
  const t = Date.parse(now);
  let next = Number.POSITIVE_INFINITY;
  const consider = (instant: string) => {
    const at = Date.parse(instant);
    if (at > t && at < next) next = at;
  };
  for (const event of consents) {
    for (const instant of event.type === "recorded" ? [event.recordedAt, event.validFrom, event.validUntil] : [event.withdrawnAt]) consider(instant);
  }
  for (const former of client.formerOwners ?? []) consider(former.readOnlyUntil);
  if (client.closure) consider(client.closure.sharingEndsAt);
  for (const covenant of client.covenants ?? []) {
    consider(covenant.since);
    if (covenant.until) consider(covenant.until);
  }
  return next;
}
