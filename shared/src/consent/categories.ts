import { z } from "zod";
import { lifeDomains } from "../plan/domains.ts";

/**
 * What a client can share, one by one: each life domain of the plan on its own, and the other
 * kinds of information the Stapteam keeps.
 */
export const otherCategories = ["agreements", "notes", "handovers", "flexbudget", "timeout", "escalations"] as const;
export const dataCategories = [...lifeDomains, ...otherCategories] as const;
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategory = z.infer<typeof dataCategorySchema>;

/** "The plan" as people say it: every life domain. */
export const planCategories: readonly DataCategory[] = lifeDomains;
