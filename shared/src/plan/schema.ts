import { z } from "zod";
import { daySchema, derivedId, idSchema, instantSchema, longTextSchema } from "../primitives.ts";
import { lifeDomains, zrmDomains } from "./domains.ts";

export const lifeDomainSchema = z.enum(lifeDomains);
/** Only the ZRM's own domains get a score; seksualiteit en sekswerk and veiligheid do not. */
export const zrmDomainSchema = z.enum(zrmDomains);

/** Situation and goal per life domain; each field is last-writer-wins by server order. */
export const planDomainSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  domain: lifeDomainSchema,
  situation: longTextSchema,
  goal: longTextSchema,
  updatedAt: instantSchema,
  updatedBy: idSchema,
});
export type PlanDomain = z.infer<typeof planDomainSchema>;

export const planDomainId = (clientId: string, domain: string) => derivedId(`${clientId}:${domain}`, ["plan", clientId, domain]);

/**
 * One ZRM assessment. Scores are separate append-only records rather than an array on the
 * domain, so two colleagues scoring offline both keep their score in the history.
 */
export const zrmScoreSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  domain: zrmDomainSchema,
  score: z.number().int().min(1).max(5),
  assessedOn: daySchema,
  assessedBy: idSchema,
  recordedAt: instantSchema,
});
export type ZrmScore = z.infer<typeof zrmScoreSchema>;
