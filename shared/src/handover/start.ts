import type { z } from "zod";
import { withStatus } from "../client/closure.ts";
import { caseWorkers, defineMutator, type MutationContext, MutationRejected } from "../mutators/define.ts";
import type { LifeDomain } from "../plan/domains.ts";
import type { ReadTransaction } from "../store/transaction.ts";
import { applyAgreementDecisions, checkAgreementDecisions } from "./agreements.ts";
import { domainsNotShared, requireHandoverConsent } from "./consent.ts";
import { receivingRoles } from "./parties.ts";
import { maySeeSection } from "./redact.ts";
import { type Handover, handoverSchema, handoverSections, isWithinNaast } from "./schema.ts";
import { deriveHandovers } from "./state.ts";

export const startHandoverArgs = handoverSchema.omit({ fromUserId: true, fromOrganisationId: true, createdAt: true });
export type StartHandoverArgs = z.infer<typeof startHandoverArgs>;
type StartArgs = StartHandoverArgs;

const needsExternalReceiver = new Set<Handover["kind"]>(["regular-care", "other-municipality"]);

async function receiverPerson(tx: ReadTransaction, args: StartArgs) {
  if (args.toUserId === null) return null;
  const person = await tx.get("people", args.toUserId);
  if (!person?.active) throw new MutationRejected("invalid", "handover.receiver-inactive", { person: person?.name ?? "" });
  if (!receivingRoles(args.kind).includes(person.role)) {
    const code = args.kind === "monitoring" ? "handover.receiver-role-monitoring" : "handover.receiver-role";
    throw new MutationRejected("invalid", code, { person: person.name, role: person.role });
  }
  if (args.toOrganisationId !== null && args.toOrganisationId !== person.organisationId) {
    const organisation = await tx.get("organisations", args.toOrganisationId);
    throw new MutationRejected("invalid", "handover.receiver-other-organisation", {
      person: person.name,
      organisation: organisation?.name ?? args.toOrganisationId,
    });
  }
  return person;
}

/**
 * Who receives a handover inside Naast, checked; returns the receiving organisation (stored as
 * `toOrganisationId` also when the sender named only a person).
 */
async function receivingOrganisation(tx: ReadTransaction, args: StartArgs, ctx: MutationContext): Promise<string> {
  if (args.toExternal) throw new MutationRejected("invalid", "handover.external-inside");
  if (args.kind === "colleague" && args.toUserId === null) throw new MutationRejected("invalid", "handover.colleague-missing");
  if (args.kind === "organisation" && args.toOrganisationId === null) throw new MutationRejected("invalid", "handover.organisation-missing");
  if (args.toUserId === ctx.user.id) throw new MutationRejected("invalid", "handover.to-self");
  const person = await receiverPerson(tx, args);
  const organisationId = person?.organisationId ?? args.toOrganisationId;
  if (organisationId === null) throw new MutationRejected("invalid", "handover.receiver-missing");
  if (!(await tx.get("organisations", organisationId))) throw new MutationRejected("invalid", "organisation.unknown", { organisation: organisationId });
  return organisationId;
}

function checkLeaving(args: StartArgs) {
  if (args.toUserId !== null || args.toOrganisationId !== null) {
    throw new MutationRejected("invalid", "handover.leaving-to-inside");
  }
  if (needsExternalReceiver.has(args.kind) && !args.toExternal) {
    throw new MutationRejected("invalid", "handover.external-missing");
  }
}

/**
 * Only one handover per client is open at a time; a correction (by the organisation that wrote
 * the one it corrects) takes the place of the open one, or of one that left Naast.
 */
async function checkOpenAndCorrection(tx: ReadTransaction, args: StartArgs, ctx: MutationContext) {
  const states = deriveHandovers(await tx.listByClient("handovers", args.clientId), await tx.listByClient("handoverEvents", args.clientId));
  const open = states.find((s) => s.status === "open");
  if (args.correctsHandoverId !== null) {
    const corrected = states.find((s) => s.handover.id === args.correctsHandoverId);
    if (!corrected) throw new MutationRejected("not-found", "handover.correct-not-found");
    if (corrected.handover.fromOrganisationId !== ctx.user.organisationId) {
      const writer = await tx.get("organisations", corrected.handover.fromOrganisationId);
      throw new MutationRejected("forbidden", "handover.correct-other-organisation", { organisation: writer?.name ?? corrected.handover.fromOrganisationId });
    }
    if (corrected.status === "completed" && isWithinNaast(args.kind)) {
      throw new MutationRejected("conflict", "handover.correct-left-naast");
    }
    if (corrected.status !== "open" && corrected.status !== "completed") {
      throw new MutationRejected("conflict", "handover.correct-closed", { status: corrected.status });
    }
  }
  if (open && open.handover.id !== args.correctsHandoverId) {
    const client = await tx.get("clients", args.clientId);
    throw new MutationRejected("conflict", "handover.open-exists", { client: client?.alias ?? "" });
  }
}

/**
 * The receiver reads the free-text sections before she acknowledges: each must be about a life
 * domain her organisation may see, and "algemeen" only when it may see the whole plan.
 */
function checkSections(args: StartArgs, receiverMay: (domain: LifeDomain) => boolean) {
  for (const section of handoverSections) {
    const domain = args.sectionDomains[section];
    if (args[section].trim() === "" || maySeeSection(domain, (category) => receiverMay(category as LifeDomain))) continue;
    if (domain === null) throw new MutationRejected("forbidden", "handover.section-general", { section });
    throw new MutationRejected("forbidden", "handover.section-domain-not-shared", { section, domain });
  }
}

function checkDomains(args: StartArgs) {
  const domains = args.domains.map((d) => d.domain);
  if (new Set(domains).size !== domains.length) throw new MutationRejected("invalid", "handover.domain-twice");
}

/**
 * The holding organisation hands the client over. Inside Naast (colleague, organisation,
 * monitoring) it waits for the receiver; nothing moves until she acknowledges. Leaving Naast
 * (regular care, another municipality, closure) takes effect at once: the client is closed, her
 * organisation keeps her record, and each open agreement is closed or carried over to someone
 * who stays in the team (whose organisation may keep up her agreements).
 */
export const startHandover = defineMutator({
  name: "startHandover",
  args: startHandoverArgs,
  // The procesregisseur holds a client in monitoring and hands her back to the team.
  roles: [...caseWorkers, "procesregisseur"],
  // A closed client is reopened before she is handed over; a correction follows its own rules.
  requires: (args: Pick<StartArgs, "clientId" | "correctsHandoverId">) => ({
    kind: "owner",
    clientId: args.clientId,
    openClient: args.correctsHandoverId === null,
  }),
  audits: (args) => (!isWithinNaast(args.kind) && args.agreements.length > 0 ? ["handovers", "agreements"] : ["handovers"]),
  async run(tx, args, ctx) {
    if (await tx.get("handovers", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    checkDomains(args);
    await checkOpenAndCorrection(tx, args, ctx);
    const consents = await tx.listByClient("consentEvents", args.clientId);
    const within = isWithinNaast(args.kind);
    let toOrganisationId: string | null = null;
    if (within) {
      const receiving = await receivingOrganisation(tx, args, ctx);
      toOrganisationId = receiving;
      await requireHandoverConsent(tx, client, consents, receiving, ctx.now);
      const withheld = domainsNotShared(
        client,
        consents,
        receiving,
        args.domains.map((d) => d.domain),
        ctx.now,
      );
      if (withheld.length > 0) {
        const organisation = await tx.get("organisations", toOrganisationId);
        throw new MutationRejected("forbidden", "handover.domains-not-shared", { domains: withheld, organisation: organisation?.name ?? toOrganisationId });
      }
      checkSections(args, (domain) => domainsNotShared(client, consents, receiving, [domain], ctx.now).length === 0);
    } else {
      checkLeaving(args);
    }
    // Inside Naast the agreements go to whoever will hold the client; leaving, the holder stays.
    const owners = await checkAgreementDecisions(tx, client.id, args.agreements, toOrganisationId ?? client.ownerOrganisationId, consents, ctx.now);

    const toExternal = within ? null : args.toExternal || null;
    await tx.put("handovers", {
      ...args,
      toOrganisationId,
      toExternal,
      fromUserId: ctx.user.id,
      fromOrganisationId: ctx.user.organisationId,
      createdAt: ctx.now,
    });
    if (!within) {
      await applyAgreementDecisions(tx, client.id, args.agreements, owners, ctx.user.id, ctx.now);
      await tx.put("clients", withStatus(client, "closed", ctx.now));
    }
  },
});
