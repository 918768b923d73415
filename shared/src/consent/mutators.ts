import { type AboutClient, caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { addMonths } from "../primitives.ts";
import type { WriteTransaction } from "../store/transaction.ts";

import { consentRecordedSchema, consentWithdrawnSchema } from "./schema.ts";

/** A consent runs for at most 24 months; the team asks again after that. */
export const maxConsentMonths = 24;
export const defaultConsentMonths = 12;

/** A consent names only organisations of the directory (its schema already bounds and de-duplicates the list). */
async function mustBeInDirectory(tx: WriteTransaction, organisations: readonly string[]) {
  for (const organisationId of organisations) {
    if (!(await tx.get("organisations", organisationId))) throw new MutationRejected("invalid", "organisation.unknown", { organisation: organisationId });
  }
}

export const recordConsent = defineMutator({
  name: "recordConsent",
  args: consentRecordedSchema.pick({
    id: true,
    clientId: true,
    consentId: true,
    grantedTo: true,
    categories: true,
    purpose: true,
    purposeNote: true,
    form: true,
    validFrom: true,
    validUntil: true,
  }),
  // Whoever holds the client: a procesregisseur holds those in monitoring.
  roles: [...caseWorkers, "procesregisseur"],
  // Only the organisation that holds the client records consent: another organisation could
  // otherwise grant itself more than the client agreed to.
  requires: (args: AboutClient) => ({ kind: "owner", clientId: args.clientId }),
  async run(tx, args, ctx) {
    if (Date.parse(args.validUntil) <= Date.parse(args.validFrom)) {
      throw new MutationRejected("invalid", "consent.ends-before-start");
    }
    if (Date.parse(args.validUntil) > Date.parse(addMonths(args.validFrom, maxConsentMonths))) {
      throw new MutationRejected("invalid", "consent.too-long", { months: maxConsentMonths });
    }
    const existing = (await tx.listByClient("consentEvents", args.clientId)).find((e) => e.consentId === args.consentId);
    if (existing || (await tx.get("consentEvents", args.id))) throw new MutationRejected("conflict", "change.duplicate");
    await mustBeInDirectory(tx, args.grantedTo);
    await tx.put("consentEvents", {
      ...args,
      type: "recorded",
      recordedAt: ctx.now,
      recordedBy: ctx.user.id,
      recordedByOrganisationId: ctx.user.organisationId,
    });
  },
});

export const withdrawConsent = defineMutator({
  name: "withdrawConsent",
  args: consentWithdrawnSchema.pick({ id: true, clientId: true, consentId: true, organisations: true, categories: true, reason: true }),
  roles: caseWorkers,
  requires: (args: AboutClient) => ({ kind: "any", clientId: args.clientId }),
  async run(tx, args, ctx) {
    const events = await tx.listByClient("consentEvents", args.clientId);
    if (!events.some((e) => e.type === "recorded" && e.consentId === args.consentId)) {
      throw new MutationRejected("not-found", "consent.not-found");
    }
    if (await tx.get("consentEvents", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    await mustBeInDirectory(tx, args.organisations ?? []);
    await tx.put("consentEvents", { ...args, type: "withdrawn", withdrawnAt: ctx.now, withdrawnBy: ctx.user.id });
  },
});
