import { type AccessSubject, accessDecider } from "../consent/can-access.ts";
import { type DataCategory, dataCategories } from "../consent/categories.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import type { Role, SessionUser } from "../organisation/schema.ts";

/**
 * Who manages the accounts of her organisation (issue 18, point 4): its admin. The server enforces
 * it on the directory procedures; the panel asks it to show the Beheer view.
 */
export const userManagementRoles: readonly Role[] = ["admin"];

export const mayManageUsers = (user: Pick<SessionUser, "role">): boolean => userManagementRoles.includes(user.role);

/**
 * What an organisation may see of a client, whoever of it asks: canAccess for a care worker of that
 * organisation. For the admin, whose role sees no client data, when her organisation must know which
 * of a leaving colleague's clients and afspraken to hand on: she is told no more than her care
 * workers may read, and nothing of a client not shared with her organisation.
 */
export function organisationMaySee(
  organisationId: string,
  client: AccessSubject,
  categories: readonly DataCategory[] | "any",
  consents: readonly ConsentEvent[],
  now: string,
): boolean {
  const decide = accessDecider({ id: `organisation:${organisationId}`, organisationId, role: "casemanager" }, client, consents, now);
  return categories === "any" ? dataCategories.some((c) => decide(c).allowed) : categories.every((c) => decide(c).allowed);
}
