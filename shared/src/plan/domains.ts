/**
 * The life domains of the Zelfredzaamheid-Matrix (ZRM), the scale Dutch practice uses to score a
 * plan from 1 (acute problems) to 5 (fully self-reliant). Each is also a consent category on its
 * own: a client may share her housing situation and keep her addiction care to herself.
 */
export const lifeDomains = [
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
export type LifeDomain = (typeof lifeDomains)[number];

export const zrmScores = [1, 2, 3, 4, 5] as const;
