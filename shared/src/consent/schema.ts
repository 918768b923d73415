import { z } from "zod";
import { distinct, idSchema, instantSchema, limits } from "../primitives.ts";
import { dataCategories, dataCategorySchema } from "./categories.ts";

export const consentPurposes = ["stapteam-coordination"] as const;

const eventBase = {
  id: idSchema,
  clientId: idSchema,
  consentId: idSchema,
};

/** Organisations a consent names: each once, at most as many as one consent may name. */
const organisationList = distinct(z.array(idSchema).min(1).max(limits.organisationsPerConsent));
/** Categories a consent names: each once, from the known set. */
export const categoryList = distinct(z.array(dataCategorySchema).min(1).max(dataCategories.length));

/**
 * Consent is an append-only log: a recorded consent is never edited, only followed by
 * withdrawals. Expiry needs no event; it follows from validUntil and the clock.
 */
export const consentRecordedSchema = z.object({
  ...eventBase,
  type: z.literal("recorded"),
  grantedTo: organisationList,
  categories: categoryList,
  purpose: z.enum(consentPurposes),
  purposeNote: z.string().max(limits.shortText),
  form: z.enum(["verbal", "written"]),
  validFrom: instantSchema,
  validUntil: instantSchema,
  recordedAt: instantSchema,
  recordedBy: idSchema,
  recordedByOrganisationId: idSchema,
});

/** A withdrawal, whole or for some organisations and/or some categories (null: all of them). */
export const consentWithdrawnSchema = z.object({
  ...eventBase,
  type: z.literal("withdrawn"),
  organisations: organisationList.nullable(),
  categories: categoryList.nullable(),
  reason: z.string().trim().min(1).max(limits.shortText),
  withdrawnAt: instantSchema,
  withdrawnBy: idSchema,
});

export const consentEventSchema = z.discriminatedUnion("type", [consentRecordedSchema, consentWithdrawnSchema]);
export type ConsentEvent = z.infer<typeof consentEventSchema>;
export type ConsentRecorded = z.infer<typeof consentRecordedSchema>;
export type ConsentWithdrawn = z.infer<typeof consentWithdrawnSchema>;
