import { z } from "zod";
import { covenantGrantSchema } from "../escalation/schema.ts";
import { derivedId, idSafe, idSchema, instantSchema } from "../primitives.ts";

export const clientStatuses = ["active", "monitoring", "closed"] as const;
/** Why the support ended; these feed later reporting (the municipality's counts of flows). */
export const closeReasons = ["regular_care", "moved", "deceased", "lost_contact", "other"] as const;
export const closeReasonSchema = z.enum(closeReasons);
export type CloseReason = z.infer<typeof closeReasonSchema>;
export const clientStatusSchema = z.enum(clientStatuses);

/** How long the sending organisation keeps read-only access after an acknowledged handover. */
export const defaultReadOnlyDays = 30;

/**
 * On the client record: an organisation that handed the client over and may still read her
 * record, without changing it, until `readOnlyUntil`.
 */
export const formerOwnerSchema = z.object({
  organisationId: idSchema,
  userId: idSchema,
  readOnlyUntil: instantSchema,
});
export type FormerOwner = z.infer<typeof formerOwnerSchema>;

/**
 * The shared client record. Deliberately no BSN and no full name: an alias (roepnaam) and a
 * birth year are enough for the team, and are all that leaves the organisation's own EPD.
 */
export const clientSchema = z.object({
  id: idSchema,
  alias: z.string().trim().min(1).max(80),
  birthYear: z.number().int().min(1900).max(2100),
  ownerOrganisationId: idSchema,
  responsibleUserId: idSchema,
  status: clientStatusSchema,
  /**
   * Organisations that handed the client over and may still read (never change) her record
   * until `readOnlyUntil`; see canAccess. Records written before handovers existed have none.
   */
  formerOwners: z.array(formerOwnerSchema).max(50).default([]),
  /**
   * Set when the holder closes the client (see closure.ts): sharing with every other organisation
   * ends at `sharingEndsAt`. Null while she is active or in monitoring.
   */
  closure: z
    .object({
      closedAt: instantSchema,
      sharingEndsAt: instantSchema,
      /** Null for a closing from before reasons, or through a handover out of Naast (its kind says where she went). */
      reason: closeReasonSchema.nullable().default(null),
    })
    .nullable()
    .default(null),
  /**
   * The Zorg- en Veiligheidshuis covenant as the recorded basis on which a municipality sees this
   * client's escalations when she gave no consent for them (docs/decisions/0019). Visible to all who
   * see her, so the basis is never hidden from the team.
   */
  covenants: z.array(covenantGrantSchema).max(200).default([]),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Client = z.infer<typeof clientSchema>;

/** Which client an organisation's EPD id stands for. Only that organisation ever sees the link. */
export const epdLinkSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  organisationId: idSchema,
  epdClientId: z.string().trim().min(1).max(100),
  linkedAt: instantSchema,
  linkedBy: idSchema,
});
export type EpdLink = z.infer<typeof epdLinkSchema>;

/** Readable where it fits; an EPD id too long once made id-safe (100 "é" take 400 characters) is hashed. */
export const epdLinkId = (organisationId: string, epdClientId: string) =>
  derivedId(`epd:${organisationId}:${idSafe(epdClientId)}`, ["epd", organisationId, epdClientId]);
