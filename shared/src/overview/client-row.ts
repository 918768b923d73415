import { isOverdue } from "../agreement/schema.ts";
import { calendarDay } from "../calendar/calendar-day.ts";
import type { Client } from "../client/schema.ts";
import { deriveConsents } from "../consent/state.ts";
import { daysSince } from "../note/contact.ts";
import type { SessionUser } from "../organisation/schema.ts";
import { KeptPerOverview } from "./kept.ts";
import type { ClientOverview } from "./summary.ts";

/** One line of the Cliënten list: what the team needs to see of a client at a glance. */
export interface ClientRow {
  clientId: string;
  alias: string;
  birthYear: number;
  ownerOrganisationId: string;
  responsibleUserId: string;
  status: Client["status"];
  /** The latest contact that took place, or null (none, or the device may not see contacts). */
  lastContactAt: string | null;
  /** Whole days since that contact; null when there is none. */
  daysSinceContact: number | null;
  openAgreements: number;
  overdueAgreements: number;
  /** When the last active consent ends (sharing stops), or null when none is active. */
  consentEndsAt: string | null;
}

/** The row of one client, from the summary of what the device holds of her (so only what consent allows). */
export function clientRow({ client, lastContactAt: last, agreements, consentEvents }: ClientOverview, now: string): ClientRow {
  const open = agreements.filter((a) => a.status === "open");
  const ends = deriveConsents(consentEvents, now)
    .filter((s) => s.status === "active")
    .map((s) => s.consent.validUntil)
    .sort();
  return {
    clientId: client.id,
    alias: client.alias,
    birthYear: client.birthYear,
    ownerOrganisationId: client.ownerOrganisationId,
    responsibleUserId: client.responsibleUserId,
    status: client.status,
    lastContactAt: last,
    daysSinceContact: last === null ? null : daysSince(last, now),
    openAgreements: open.length,
    overdueAgreements: open.filter((a) => isOverdue(a, calendarDay(now))).length,
    consentEndsAt: ends.at(-1) ?? null,
  };
}

/**
 * What this process last derived per overview: a row changes with her records (a new overview
 * object), the calendar day (days since contact, overdue) and her consents' instants.
 */
const kept = new KeptPerOverview<ClientRow>();

/** The rows of these clients at `now` (clientRow each), reusing what still stands. */
export function clientRows(overviews: readonly ClientOverview[], now: string): ClientRow[] {
  const day = calendarDay(now);
  return overviews.map((overview) => kept.get(overview, now, day, () => clientRow(overview, now)));
}

/**
 * The Cliënten list's filters. Mijn cliënten: those she is responsible for and not closed;
 * Stapteam: every active client the device holds; Monitoring and Gesloten by status.
 */
export const clientFilters = ["mine", "team", "monitoring", "closed"] as const;
export type ClientFilter = (typeof clientFilters)[number];

export function inFilter(row: Pick<ClientRow, "responsibleUserId" | "status">, filter: ClientFilter, user: Pick<SessionUser, "id">): boolean {
  switch (filter) {
    case "mine":
      return row.responsibleUserId === user.id && row.status !== "closed";
    case "team":
      return row.status === "active";
    case "monitoring":
      return row.status === "monitoring";
    case "closed":
      return row.status === "closed";
  }
}

/** Search by roepnaam: case- and accent-insensitive, anywhere in the name. */
export function matchesAlias(alias: string, query: string): boolean {
  const wanted = fold(query.trim());
  return wanted === "" || fold(alias).includes(wanted);
}
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("nl");

/** Roepnamen in Dutch order; one collator, not one per comparison (localeCompare with a locale makes one each time). */
const dutch = new Intl.Collator("nl");

/** The list as shown: filtered, searched, by roepnaam. */
export function clientList(rows: readonly ClientRow[], filter: ClientFilter, query: string, user: Pick<SessionUser, "id">): ClientRow[] {
  return rows
    .filter((r) => inFilter(r, filter, user) && matchesAlias(r.alias, query))
    .sort((a, b) => dutch.compare(a.alias, b.alias) || dutch.compare(a.clientId, b.clientId));
}
