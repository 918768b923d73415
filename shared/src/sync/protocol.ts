import { z } from "zod";
import { dataCategories, dataCategorySchema } from "../consent/categories.ts";
import { hiddenReasonSchema } from "../consent/why-hidden.ts";
import { rejectionKinds } from "../mutators/define.ts";
import { distinct, idSchema, limits } from "../primitives.ts";
import { refusalSchema } from "../refusal/refusal.ts";
import { type CollectionName, collectionNames } from "../store/collections.ts";

/**
 * The sync protocol's version, sent with every push and pull so a server can tell an extension it
 * no longer speaks to "update me" (and an extension newer than its server, "update the server").
 * 2: invalid mutations are named in the error's data, never in its message.
 */
export const protocolVersion = 2;
/** Absent: a device from before versions were sent (version 1). */
const protocolVersionSchema = z.number().int().min(1).max(1_000).optional();

/** One device's store of one user; the server keeps which user each group belongs to. */
export const clientGroupIdSchema = idSchema;

export const mutationSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: protocolVersionSchema,
  clientGroupId: clientGroupIdSchema,
  mutations: z.array(mutationSchema).max(limits.mutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.discriminatedUnion("status", [
  z.object({ id: idSchema, status: z.literal("applied") }),
  z.object({ id: idSchema, status: z.literal("rejected"), kind: z.enum(rejectionKinds), refusal: refusalSchema }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

/**
 * A cursor is opaque to clients: "<change sequence>.<hash of what the user could see then>.<the
 * server's signature>" (a cursor without one, from before signatures, means a fresh start).
 * The hash lets the server tell what became visible or hidden since, without remembering
 * anything per pull.
 */
export const cursorSchema = z.string().regex(/^\d{1,15}\.[0-9a-f]{16,64}(\.[0-9a-f]{32})?$/, "not a cursor this server gave out");

export const pullRequestSchema = z.object({
  protocolVersion: protocolVersionSchema,
  clientGroupId: clientGroupIdSchema,
  cursor: cursorSchema.nullable(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const collectionNameSchema = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

export const pulledRecordSchema = z.object({ collection: collectionNameSchema, id: idSchema, data: z.record(z.string(), z.unknown()) });
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

/**
 * Remove from the device what the user may no longer see; "all" removes the client entirely
 * (except the organisation's own EPD link, which is its own data) and says why. `erased`: her
 * record was erased from the server at the end of its retention period: everything of her goes,
 * the EPD link and the reason too (an older extension ignores the field and keeps the link).
 */
export const purgeSchema = z.object({
  clientId: idSchema,
  categories: z.union([z.literal("all"), distinct(z.array(dataCategorySchema).max(dataCategories.length))]),
  hidden: hiddenReasonSchema.nullable(),
  erased: z.boolean().optional(),
});
export type Purge = z.infer<typeof purgeSchema>;

export const pullResponseSchema = z.object({
  cursor: cursorSchema,
  /** The device must drop everything it has before applying this response. */
  reset: z.boolean(),
  // The server's answer, not an input: its length follows what the user may see (her caseload).
  puts: z.array(pulledRecordSchema),
  purges: z.array(purgeSchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
