import { type AccessSubject, canAccess } from "../consent/can-access.ts";
import type { DataCategory } from "../consent/categories.ts";
import type { ConsentEvent } from "../consent/schema.ts";

/**
 * Whether the holding organisation's coordinator may see (and so approve) this client's entries
 * of `category`: her organisation holds the client, or the client shared that category with it.
 * An over-budget expense or a time-out request the holder cannot see, it cannot approve either.
 */
export function holderMaySee(
  holderOrganisationId: string,
  client: AccessSubject,
  category: DataCategory,
  consents: readonly ConsentEvent[],
  now: string,
): boolean {
  const decision = canAccess({ id: "holder", organisationId: holderOrganisationId, role: "coordinator" }, client, category, consents, now);
  return decision.allowed && decision.basis !== "handover";
}

export const yearOf = (day: string): number => Number(day.slice(0, 4));
