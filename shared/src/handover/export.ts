import { canAccess } from "../consent/can-access.ts";
import { categoryList } from "../consent/schema.ts";
import { contactWriters, defineMutator, MutationRejected } from "../mutators/define.ts";
import { handoverExportSchema } from "./schema.ts";

/**
 * Records that an export package was made (generated in the extension from what the user may
 * see). `categories` says what the package holds; the audit log names them, and each must be
 * one the user may read now. Making an export reads the record, so the organisation that
 * handed the client over may still do it during its read-only period.
 */
export const recordHandoverExport = defineMutator({
  name: "recordHandoverExport",
  args: handoverExportSchema.pick({ id: true, clientId: true, handoverId: true, formats: true }).extend({ categories: categoryList }),
  roles: contactWriters,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "handovers", readOnly: true }),
  audits: (args) => args.categories,
  async run(tx, { categories, ...args }, ctx) {
    if (await tx.get("handoverExports", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    if (args.handoverId !== null) {
      const handover = await tx.get("handovers", args.handoverId);
      if (!handover || handover.clientId !== args.clientId) throw new MutationRejected("not-found", "handover.not-found");
    }
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    const consents = await tx.listByClient("consentEvents", args.clientId);
    for (const category of categories) {
      if (!canAccess(ctx.user, client, category, consents, ctx.now).allowed) {
        throw new MutationRejected("forbidden", "export.category-hidden", { category });
      }
    }
    await tx.put("handoverExports", { ...args, exportedAt: ctx.now, exportedBy: ctx.user.id });
  },
});
