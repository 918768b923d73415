import type { z } from "zod";
import { withStatus } from "../client/closure.ts";
import { caseWorkers, defineMutator, type MutationContext, MutationRejected } from "../mutators/define.ts";
import type { LifeDomain } from "../plan/domains.ts";
import type { ReadTransaction } from "../store/transaction.ts";
import { applyCarriedAgreements, checkCarriedAgreements } from "./agreements.ts";
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
  if (!person?.active) throw new MutationRejected("invalid", "the receiver must be an active colleague");
  if (!receivingRoles(args.kind).includes(person.role)) {
    throw new MutationRejected(
      "invalid",
      args.kind === "monitoring" ? "monitoring goes to a procesregisseur" : "a handover goes to a case manager or coordinator",
    );
  }
  if (args.toOrganisationId !== null && args.toOrganisationId !== person.organisationId) {
    throw new MutationRejected("invalid", "the receiver does not belong to the receiving organisation");
  }
  return person;
}

/**
 * Who receives a handover inside Naast, checked; returns the receiving organisation (stored as
 * `toOrganisationId` also when the sender named only a person).
 */
async function receivingOrganisation(tx: ReadTransaction, args: StartArgs, ctx: MutationContext): Promise<string> {
  if (args.toExternal) throw new MutationRejected("invalid", "a handover inside Naast has no external receiver");
  if (args.kind === "colleague" && args.toUserId === null) throw new MutationRejected("invalid", "a handover to a colleague names the colleague");
  if (args.kind === "organisation" && args.toOrganisationId === null)
    throw new MutationRejected("invalid", "a handover to an organisation names the organisation");
  if (args.toUserId === ctx.user.id) throw new MutationRejected("invalid", "hand the client over to someone else");
  const person = await receiverPerson(tx, args);
  const organisationId = person?.organisationId ?? args.toOrganisationId;
  if (organisationId === null) throw new MutationRejected("invalid", "a handover names its receiving organisation, a person, or both");
  if (!(await tx.get("organisations", organisationId))) throw new MutationRejected("invalid", `unknown organisation ${organisationId}`);
  return organisationId;
}

function checkLeaving(args: StartArgs) {
  if (args.toUserId !== null || args.toOrganisationId !== null) {
    throw new MutationRejected("invalid", "a client who leaves Naast goes to no one inside it: name the receiver outside Naast instead");
  }
  if (needsExternalReceiver.has(args.kind) && !args.toExternal) {
    throw new MutationRejected("invalid", "name who takes the client on outside Naast");
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
    if (!corrected) throw new MutationRejected("not-found", "the handover to correct is not one of this client's");
    if (corrected.handover.fromOrganisationId !== ctx.user.organisationId) {
      throw new MutationRejected("forbidden", "only the organisation that wrote a handover corrects it");
    }
    if (corrected.status === "completed" && isWithinNaast(args.kind)) {
      throw new MutationRejected("conflict", "the client has left Naast with that handover: a correction of it leaves Naast too");
    }
    if (corrected.status !== "open" && corrected.status !== "completed") {
      throw new MutationRejected("conflict", `that handover was ${corrected.status}: it can no longer be corrected`);
    }
  }
  if (open && open.handover.id !== args.correctsHandoverId) {
    throw new MutationRejected("conflict", "this client already has an open handover: correct that one instead of starting another");
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
    throw new MutationRejected(
      "forbidden",
      domain === null
        ? `the receiving organisation may not see the whole plan, so "${section}" cannot be general: say which life domain it is about, or leave it out`
        : `the client's consent does not cover ${domain} for the receiving organisation: "${section}" cannot be about it`,
    );
  }
}

function checkDomains(args: StartArgs) {
  const domains = args.domains.map((d) => d.domain);
  if (new Set(domains).size !== domains.length) throw new MutationRejected("invalid", "each life domain appears once");
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
  requires: (args) => ({ kind: "owner", clientId: args.clientId }),
  audits: (args) => (!isWithinNaast(args.kind) && args.agreements.length > 0 ? ["handovers", "agreements"] : ["handovers"]),
  async run(tx, args, ctx) {
    if (await tx.get("handovers", args.id)) throw new MutationRejected("conflict", "handovers cannot be changed; write a correction instead");
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "no such client");
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
        throw new MutationRejected(
          "forbidden",
          `the client's consent does not cover ${withheld.join(", ")} for the receiving organisation: leave those out of the handover`,
        );
      }
      checkSections(args, (domain) => domainsNotShared(client, consents, receiving, [domain], ctx.now).length === 0);
    } else {
      checkLeaving(args);
    }
    // Inside Naast the agreements go to whoever will hold the client; leaving, the holder stays.
    const owners = await checkCarriedAgreements(tx, client.id, args.agreements, toOrganisationId ?? client.ownerOrganisationId, consents, ctx.now);

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
      await applyCarriedAgreements(tx, client.id, args.agreements, owners, ctx.user.id, ctx.now);
      await tx.put("clients", withStatus(client, "closed", ctx.now));
    }
  },
});
