import { z } from "zod";
import { lifeDomainSchema } from "../plan/schema.ts";
import { daySchema, idSchema, instantSchema, shortTextSchema } from "../primitives.ts";

export const agreementStatuses = ["open", "done", "cancelled"] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);

/** A Stapteam afspraak: who does what, by when. */
export const agreementSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  domain: lifeDomainSchema.nullable(),
  text: shortTextSchema,
  ownerUserId: idSchema,
  ownerOrganisationId: idSchema,
  dueDate: daySchema,
  status: agreementStatusSchema,
  createdAt: instantSchema,
  createdBy: idSchema,
  closedAt: instantSchema.nullable(),
  closedBy: idSchema.nullable(),
  /** Why it was cancelled (a cancellation names its reason); null otherwise and for older ones. */
  cancelReason: shortTextSchema.nullable().default(null),
  /**
   * The opschaling whose decision it is (shared/src/escalation): such an afspraak is part of the
   * escalation, seen by whoever sees the escalation (the procesregisseur too); null for the others.
   */
  escalationId: idSchema.nullable().default(null),
});
export type Agreement = z.infer<typeof agreementSchema>;

/** Overdue is a day comparison in the team's own calendar, not an instant. */
export function isOverdue(agreement: Pick<Agreement, "status" | "dueDate">, today: string): boolean {
  return agreement.status === "open" && agreement.dueDate < today;
}
