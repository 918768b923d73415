import { z } from "zod";
import { lifeDomainSchema } from "../plan/schema.ts";
import { daySchema, idSchema, instantSchema, limits, longTextSchema, shortTextSchema } from "../primitives.ts";

/** "normaal" or "hoog": the procesregisseur's list puts the urgent ones first. */
export const escalationUrgencies = ["normal", "high"] as const;
export const escalationUrgencySchema = z.enum(escalationUrgencies);
export type EscalationUrgency = z.infer<typeof escalationUrgencySchema>;

/**
 * ingediend → in behandeling → besproken in casusoverleg → opgelost or teruggelegd. The last two
 * close it, each with the procesregisseur's answer (see state.ts for the transitions).
 */
export const escalationStatuses = ["submitted", "in_progress", "discussed", "resolved", "returned"] as const;
export const escalationStatusSchema = z.enum(escalationStatuses);
export type EscalationStatus = z.infer<typeof escalationStatusSchema>;
export const closedEscalationStatuses: readonly EscalationStatus[] = ["resolved", "returned"];

/**
 * On what the municipality may see the escalation: the client's consent for the Gemeente (its
 * consent id), or, when she gave none, the Zorg- en Veiligheidshuis covenant, with the reason the
 * holder states (docs/decisions/0019).
 */
export const escalationBasisSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("consent"), consentId: idSchema }),
  z.object({ kind: z.literal("covenant"), reason: shortTextSchema }),
]);
export type EscalationBasis = z.infer<typeof escalationBasisSchema>;

/** A decision of the procesregisseur; one with an owner became an afspraak (`agreementId`). */
export const escalationDecisionSchema = z.object({
  text: shortTextSchema,
  agreementId: idSchema.nullable(),
});

/**
 * An opschaling: the knelpunt of one client, put to the procesregisseur. The record carries its
 * current state and the moments of each step, so figures (opened, resolved, time to answer) are
 * a query on it; every step is also an append-only event (`escalationEvents`), with who and when.
 */
export const escalationSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  /** The organisation that held the client when it escalated. */
  holderOrganisationId: idSchema,
  /** The municipality the question goes to. */
  municipalityOrganisationId: idSchema,
  domain: lifeDomainSchema,
  /** The knelpunt in a few words ("geen passende woonplek"). */
  problem: shortTextSchema,
  tried: longTextSchema,
  question: shortTextSchema,
  urgency: escalationUrgencySchema,
  basis: escalationBasisSchema,
  /** The overdue afspraak it started from, if any. */
  fromAgreementId: idSchema.nullable(),
  status: escalationStatusSchema,
  submittedAt: instantSchema,
  submittedBy: idSchema,
  /** The day the answer is due: submitted + the municipality's working days (10 by default). */
  respondBy: daySchema,
  takenUpAt: instantSchema.nullable(),
  takenUpBy: idSchema.nullable(),
  /** The day of the casusoverleg it was discussed in. */
  discussedOn: daySchema.nullable(),
  answer: longTextSchema.nullable(),
  decisions: z.array(escalationDecisionSchema).max(20),
  answeredAt: instantSchema.nullable(),
  answeredBy: idSchema.nullable(),
  /** When the holder's case manager read the answer (it then leaves her Te doen). */
  answerReadAt: instantSchema.nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

const eventBase = { id: idSchema, clientId: idSchema, escalationId: idSchema, at: instantSchema, by: idSchema, byOrganisationId: idSchema };

/** One step of an escalation, never changed afterwards. */
export const escalationEventSchema = z.discriminatedUnion("type", [
  z.object({ ...eventBase, type: z.literal("submitted"), basis: z.enum(["consent", "covenant"]) }),
  z.object({ ...eventBase, type: z.literal("taken_up") }),
  z.object({ ...eventBase, type: z.literal("discussed"), discussedOn: daySchema }),
  z.object({
    ...eventBase,
    type: z.literal("answered"),
    outcome: z.enum(["resolved", "returned"]),
    answer: z.string().trim().min(1).max(limits.longText),
  }),
]);
export type EscalationEvent = z.infer<typeof escalationEventSchema>;

/** The municipality's own setting: how many working days the procesregisseur has to answer. */
export const escalationSettingsSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  responseWorkingDays: z.number().int().min(1).max(60),
  setAt: instantSchema,
  setBy: idSchema,
});
export type EscalationSettings = z.infer<typeof escalationSettingsSchema>;
export const escalationSettingsId = (organisationId: string) => `escalation-settings:${organisationId}`;
export const defaultResponseWorkingDays = 10;

/**
 * The legal basis the municipality sees an escalated client on when she gave no consent for it:
 * recorded on the client, for the organisation, while the escalation is open and a while after
 * (see `covenantUntil`). canAccess reads it; it grants the escalations category only.
 */
export const covenantGrantSchema = z.object({
  organisationId: idSchema,
  escalationId: idSchema,
  reason: shortTextSchema,
  since: instantSchema,
  recordedBy: idSchema,
  /** Null while the escalation is open. */
  until: instantSchema.nullable(),
});
export type CovenantGrant = z.infer<typeof covenantGrantSchema>;
