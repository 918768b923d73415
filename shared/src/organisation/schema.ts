import { z } from "zod";
import { idSchema } from "../primitives.ts";

/**
 * "care": a care organisation of the Stapteam (Iriszorg, Leger des Heils, the GGD);
 * "municipality": the gemeente (procesregisseur, policy), which needs no clinical detail and is
 * asked about on its own in the consent flow (docs/decisions/0012). Absent: a care organisation.
 */
export const organisationKinds = ["care", "municipality"] as const;
export const organisationKindSchema = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const organisationSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  /** Short name used in the UI ("LDH"). */
  shortName: z.string().min(1).max(40),
  kind: organisationKindSchema.optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const roles = ["casemanager", "ervaringsdeskundige", "coordinator", "procesregisseur", "policy", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** What every colleague may know of a user: enough to show "owner: Fatima (Iriszorg)". */
export const personSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  organisationId: idSchema,
  role: roleSchema,
  active: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

/** The signed-in user as the server established it; never taken from a request body. */
export type SessionUser = Pick<Person, "id" | "organisationId" | "role">;
