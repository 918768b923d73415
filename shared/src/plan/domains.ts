/**
 * The life domains of the Zelfredzaamheid-Matrix (ZRM-2017), the scale Dutch practice uses to
 * score a plan from 1 (acute problems) to 5 (fully self-reliant).
 */
export const zrmDomains = [
  "finances",
  "work_education",
  "daytime_activity",
  "housing",
  "domestic_relations",
  "mental_health",
  "physical_health",
  "addiction",
  "basic_adl",
  "instrumental_adl",
  "social_network",
  "community_participation",
  "justice",
] as const;
export type ZrmDomain = (typeof zrmDomains)[number];

/**
 * Plan domains the Stapteam's way of working names as core for this group that the ZRM does not score:
 * seksualiteit en sekswerk (incl. uitstappen) and veiligheid (incl. signalen van uitbuiting).
 * They have a situation and a goal, never a score.
 */
export const planOnlyDomains = ["sexuality_sex_work", "safety"] as const;

/**
 * Every life domain of the PGA plan. Each is also a consent category on its own: a client may
 * share her housing situation and keep her addiction care, or her sex work, to herself.
 */
export const lifeDomains = [...zrmDomains, ...planOnlyDomains] as const;
export type LifeDomain = (typeof lifeDomains)[number];

/** Whether the ZRM scores this domain (the two plan-only domains it does not). */
export const isZrmDomain = (domain: LifeDomain): domain is ZrmDomain => (zrmDomains as readonly string[]).includes(domain);

export const zrmScores = [1, 2, 3, 4, 5] as const;
