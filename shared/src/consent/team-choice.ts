import type { Organisation } from "../organisation/schema.ts";
import type { DataCategory } from "./categories.ts";

/** A municipality (the gemeente) is not a care organisation of the Stapteam; absent kind: care. */
export const isMunicipality = (organisation: Pick<Organisation, "kind">): boolean => organisation.kind === "municipality";

/**
 * "Het hele Stapteam" as the consent flow means it: the care organisations other than the one
 * that holds the client. Never the municipality: the procesregisseur's organisation is a choice
 * of its own, with its own explanation and categories (docs/decisions/0012).
 */
export function stapteamOrganisations<O extends Pick<Organisation, "id" | "kind">>(organisations: Iterable<O>, holderId: string): O[] {
  return [...organisations].filter((o) => o.id !== holderId && !isMunicipality(o));
}

/** The municipalities the client may choose to share with, apart from the Stapteam. */
export function municipalityOrganisations<O extends Pick<Organisation, "id" | "kind">>(organisations: Iterable<O>, holderId: string): O[] {
  return [...organisations].filter((o) => o.id !== holderId && isMunicipality(o));
}

/**
 * What the flow offers the municipality unless the client chooses otherwise: the afspraken (who
 * does what by when, what the procesregisseur escalates on) and the overdrachten (a handover to
 * monitoring goes to her) and the opschalingen (what she is asked to unblock). No life domain, no notes: no clinical detail by default.
 */
export const municipalityDefaultCategories: readonly DataCategory[] = ["agreements", "handovers", "escalations"];

export interface ConsentChoice {
  /** Care organisations and the categories they may see. */
  team: { organisations: readonly string[]; categories: readonly DataCategory[] };
  /** The municipality and the (usually fewer) categories it may see. */
  municipality: { organisations: readonly string[]; categories: readonly DataCategory[] };
}

/**
 * The consents one conversation records: one for the care organisations and one for the
 * municipality, each with its own categories (a consent grants every named organisation every
 * named category). A side with no organisation or no category records nothing.
 */
export function consentsToRecord(choice: ConsentChoice): { grantedTo: string[]; categories: DataCategory[] }[] {
  return [choice.team, choice.municipality]
    .filter((side) => side.organisations.length > 0 && side.categories.length > 0)
    .map((side) => ({ grantedTo: [...new Set(side.organisations)], categories: [...new Set(side.categories)] }));
}
