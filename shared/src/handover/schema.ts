import { z } from "zod";
import { lifeDomainSchema } from "../plan/schema.ts";
import { distinct, idSchema, instantSchema, limits, longTextSchema, shortTextSchema } from "../primitives.ts";

/**
 * Where a client goes. The first three stay inside Naast and wait for the receiver to
 * acknowledge; the others leave Naast, go with an export package, and need no acknowledgement.
 */
export const handoverKinds = ["colleague", "organisation", "monitoring", "regular-care", "other-municipality", "closure"] as const;
export const handoverKindSchema = z.enum(handoverKinds);
export type HandoverKind = z.infer<typeof handoverKindSchema>;
export const kindsWithinNaast: readonly HandoverKind[] = ["colleague", "organisation", "monitoring"];
export const isWithinNaast = (kind: HandoverKind) => kindsWithinNaast.includes(kind);

/** The situation per life domain as the sender describes it at handover (prefilled from the plan). */
export const handoverDomainSchema = z.object({
  domain: lifeDomainSchema,
  score: z.number().int().min(1).max(5).nullable(),
  situation: longTextSchema,
});

/** A contact in the client's network, as the sender enters it: no directory behind it. */
export const networkContactSchema = z.object({
  name: shortTextSchema,
  role: z.string().trim().max(200),
  reachableAt: z.string().trim().max(200),
});

/** What happens to an open agreement: it goes on with a new owner, or it is closed now. */
export const agreementDecisionSchema = z.discriminatedUnion("action", [
  z.object({ agreementId: idSchema, action: z.literal("carry"), newOwnerUserId: idSchema }),
  z.object({ agreementId: idSchema, action: z.enum(["done", "cancelled"]) }),
]);
export type AgreementDecision = z.infer<typeof agreementDecisionSchema>;

/** The free-text sections of a handover, each about one life domain or "algemeen" (see redact.ts). */
export const handoverSections = ["risks", "whatWorks", "text"] as const;
export type HandoverSection = (typeof handoverSections)[number];

/**
 * The life domain each free-text section is about; null is "algemeen", which only readers who may
 * see the whole plan get. Handovers written before this have none, so theirs count as "algemeen".
 */
export const handoverSectionDomainsSchema = z.object({
  risks: lifeDomainSchema.nullable(),
  whatWorks: lifeDomainSchema.nullable(),
  text: lifeDomainSchema.nullable(),
});
export const generalSections = { risks: null, whatWorks: null, text: null } as const;

/**
 * A warm handover. Append-only: its content never changes; what happens to it (questions,
 * answers, acknowledgement, decline) is a separate event, and a correction is a new handover
 * that points to the one it corrects and takes its place.
 */
export const handoverSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  kind: handoverKindSchema,
  fromUserId: idSchema,
  fromOrganisationId: idSchema,
  /** A person; or null when anyone of `toOrganisationId` may take it. */
  toUserId: idSchema.nullable(),
  /** Null when the receiver is outside Naast. */
  toOrganisationId: idSchema.nullable(),
  /** Who receives it outside Naast (a GP practice, the municipality of Arnhem), as the sender names it. */
  toExternal: z.string().trim().max(200).nullable(),
  domains: z.array(handoverDomainSchema).max(13),
  risks: longTextSchema,
  whatWorks: longTextSchema,
  network: z.array(networkContactSchema).max(50),
  agreements: z.array(agreementDecisionSchema).max(200),
  text: z.string().max(limits.noteLength),
  sectionDomains: handoverSectionDomainsSchema.default(generalSections),
  correctsHandoverId: idSchema.nullable(),
  createdAt: instantSchema,
});
export type Handover = z.infer<typeof handoverSchema>;

const eventBase = { id: idSchema, clientId: idSchema, handoverId: idSchema, by: idSchema, byOrganisationId: idSchema, at: instantSchema };

/** A question from the receiving side, or an answer from the sending side, before acknowledging. */
export const handoverMessageSchema = z.object({ ...eventBase, type: z.literal("message"), text: shortTextSchema });
export const handoverAcknowledgedSchema = z.object({ ...eventBase, type: z.literal("acknowledged") });
export const handoverDeclinedSchema = z.object({ ...eventBase, type: z.literal("declined"), reason: shortTextSchema });
export const handoverEventSchema = z.discriminatedUnion("type", [handoverMessageSchema, handoverAcknowledgedSchema, handoverDeclinedSchema]);
export type HandoverEvent = z.infer<typeof handoverEventSchema>;

/** Every export package leaves a trace the team can see, beside the audit log's entry. */
export const handoverExportSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  handoverId: idSchema.nullable(),
  formats: distinct(
    z
      .array(z.enum(["pdf", "fhir"]))
      .min(1)
      .max(2),
  ),
  exportedAt: instantSchema,
  exportedBy: idSchema,
});
export type HandoverExport = z.infer<typeof handoverExportSchema>;
