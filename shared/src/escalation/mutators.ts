import { z } from "zod";
import { agreementOwner, agreementOwnerRoles, putNewAgreement } from "../agreement/mutators.ts";
import { calendarDay } from "../calendar/calendar-day.ts";
import { canAccess } from "../consent/can-access.ts";
import { isMunicipality } from "../consent/team-choice.ts";
import { type AboutClient, caseWorkers, defineMutator, type MutationContext, MutationRejected } from "../mutators/define.ts";
import { covenantBasis } from "../mutators/may-run.ts";
import type { Role } from "../organisation/schema.ts";
import { lifeDomainSchema } from "../plan/schema.ts";
import { daySchema, idSchema, limits, shortTextSchema } from "../primitives.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import {
  defaultResponseWorkingDays,
  type Escalation,
  type EscalationEvent,
  type EscalationStatus,
  escalationSettingsId,
  escalationSettingsSchema,
  escalationUrgencySchema,
} from "./schema.ts";
import { addWorkingDays, covenantUntil, isOpenEscalation, mayMoveTo } from "./state.ts";

/**
 * Opschalen: the holder's case manager or coordinator puts a knelpunt of her client to the
 * municipality's procesregisseur, shared on the client's consent for the Gemeente or, when she
 * gave none, on the Zorg- en Veiligheidshuis covenant with a stated reason, recorded on the
 * client and audited as the basis (docs/decisions/0019).
 */
export const escalate = defineMutator({
  name: "escalate",
  args: z.object({
    id: idSchema,
    clientId: idSchema,
    municipalityOrganisationId: idSchema,
    domain: lifeDomainSchema,
    problem: shortTextSchema,
    tried: z.string().trim().max(limits.longText),
    question: shortTextSchema,
    urgency: escalationUrgencySchema,
    basis: z.enum(["consent", "covenant"]),
    /** Why the covenant applies; an empty one is refused with a sentence, not a broken request. */
    covenantReason: z.string().trim().max(limits.shortText),
    fromAgreementId: idSchema.nullable(),
  }),
  roles: caseWorkers,
  requires: (args: AboutClient) => ({ kind: "owner", clientId: args.clientId }),
  audits: () => ["escalations"],
  auditBasis: (args) => (args.basis === "covenant" ? covenantBasis(args.id) : null),
  async run(tx, args, ctx) {
    if (await tx.get("escalations", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    const municipality = await tx.get("organisations", args.municipalityOrganisationId);
    if (!municipality || !isMunicipality(municipality)) {
      throw new MutationRejected("invalid", "escalation.not-municipality", { organisation: municipality?.name ?? args.municipalityOrganisationId });
    }
    if (args.fromAgreementId) {
      const agreement = await tx.get("agreements", args.fromAgreementId);
      if (agreement?.clientId !== args.clientId) throw new MutationRejected("not-found", "agreement.not-found");
    }
    let basis: Escalation["basis"];
    if (args.basis === "consent") {
      // As the municipality's procesregisseur would be judged at this moment: only a consent counts here.
      const consents = await tx.listByClient("consentEvents", args.clientId);
      const decision = canAccess({ id: "", organisationId: municipality.id, role: "procesregisseur" }, client, "escalations", consents, ctx.now);
      if (!decision.allowed || decision.basis !== "consent") {
        throw new MutationRejected("invalid", "escalation.no-consent", { client: client.alias, organisation: municipality.name });
      }
      basis = { kind: "consent", consentId: decision.consentId };
    } else {
      if (args.covenantReason === "") throw new MutationRejected("invalid", "escalation.covenant-reason-missing");
      basis = { kind: "covenant", reason: args.covenantReason };
      await tx.put("clients", {
        ...client,
        covenants: [
          ...client.covenants,
          { organisationId: municipality.id, escalationId: args.id, reason: args.covenantReason, since: ctx.now, recordedBy: ctx.user.id, until: null },
        ],
        updatedAt: ctx.now,
      });
    }
    const settings = await tx.get("escalationSettings", escalationSettingsId(municipality.id));
    await tx.put("escalations", {
      id: args.id,
      clientId: args.clientId,
      holderOrganisationId: client.ownerOrganisationId,
      municipalityOrganisationId: municipality.id,
      domain: args.domain,
      problem: args.problem,
      tried: args.tried,
      question: args.question,
      urgency: args.urgency,
      basis,
      fromAgreementId: args.fromAgreementId,
      status: "submitted",
      submittedAt: ctx.now,
      submittedBy: ctx.user.id,
      respondBy: addWorkingDays(calendarDay(ctx.now), settings?.responseWorkingDays ?? defaultResponseWorkingDays),
      takenUpAt: null,
      takenUpBy: null,
      discussedOn: null,
      answer: null,
      decisions: [],
      answeredAt: null,
      answeredBy: null,
      answerReadAt: null,
    });
    await putEvent(tx, ctx, { type: "submitted", escalationId: args.id, clientId: args.clientId, basis: args.basis });
  },
});

type EventInput = EscalationEvent extends infer E ? (E extends EscalationEvent ? Omit<E, "id" | "at" | "by" | "byOrganisationId"> : never) : never;

/** Each step once, append-only: its id is the mutation's, so a replay cannot add it twice. */
async function putEvent(tx: WriteTransaction, ctx: MutationContext, event: EventInput) {
  const id = `${event.escalationId}:${event.type}:${ctx.mutationId}`;
  if (await tx.get("escalationEvents", id)) throw new MutationRejected("conflict", "change.duplicate");
  await tx.put("escalationEvents", { ...event, id, at: ctx.now, by: ctx.user.id, byOrganisationId: ctx.user.organisationId } as EscalationEvent);
}

/** The escalation, if it is this client's and, for the procesregisseur, put to her organisation. */
async function escalationFor(tx: WriteTransaction, clientId: string, escalationId: string, ctx: MutationContext): Promise<Escalation> {
  const escalation = await tx.get("escalations", escalationId);
  const hers = ctx.user.role !== "procesregisseur" || escalation?.municipalityOrganisationId === ctx.user.organisationId;
  if (!escalation || escalation.clientId !== clientId || !hers) throw new MutationRejected("not-found", "escalation.not-found");
  return escalation;
}

function mustMove(escalation: Escalation, to: EscalationStatus) {
  if (!isOpenEscalation(escalation)) throw new MutationRejected("invalid", "escalation.closed");
  if (!mayMoveTo(escalation.status, to)) throw new MutationRejected("invalid", "escalation.step-not-allowed");
}

const stepArgs = z.object({ clientId: idSchema, escalationId: idSchema });
const procesregisseur: readonly Role[] = ["procesregisseur"];

/** The procesregisseur takes it up: in behandeling. */
export const takeUpEscalation = defineMutator({
  name: "takeUpEscalation",
  args: stepArgs,
  roles: procesregisseur,
  requires: (args: AboutClient) => ({ kind: "category", clientId: args.clientId, category: "escalations" }),
  async run(tx, args, ctx) {
    const escalation = await escalationFor(tx, args.clientId, args.escalationId, ctx);
    mustMove(escalation, "in_progress");
    await tx.put("escalations", { ...escalation, status: "in_progress", takenUpAt: ctx.now, takenUpBy: ctx.user.id });
    await putEvent(tx, ctx, { type: "taken_up", escalationId: escalation.id, clientId: escalation.clientId });
  },
});

/** It was discussed in the casusoverleg on that day. */
export const recordEscalationDiscussed = defineMutator({
  name: "recordEscalationDiscussed",
  args: stepArgs.extend({ discussedOn: daySchema }),
  roles: procesregisseur,
  requires: (args: AboutClient) => ({ kind: "category", clientId: args.clientId, category: "escalations" }),
  async run(tx, args, ctx) {
    const escalation = await escalationFor(tx, args.clientId, args.escalationId, ctx);
    mustMove(escalation, "discussed");
    if (args.discussedOn > calendarDay(ctx.now)) throw new MutationRejected("invalid", "escalation.discussed-in-future", { day: args.discussedOn });
    await tx.put("escalations", { ...escalation, status: "discussed", discussedOn: args.discussedOn });
    await putEvent(tx, ctx, { type: "discussed", escalationId: escalation.id, clientId: escalation.clientId, discussedOn: args.discussedOn });
  },
});

/** Who can own an escalation's afspraak: whoever can own an afspraak, and the procesregisseur herself. */
export const escalationAgreementOwnerRoles: readonly Role[] = [...agreementOwnerRoles, "procesregisseur"];

/**
 * The procesregisseur's answer: opgelost or teruggelegd (to the team), with her decisions. A
 * decision with an owner and a day becomes an afspraak of the escalation, seen by whoever sees it.
 * The covenant basis, if it was one, ends a while after (covenantUntil).
 */
export const answerEscalation = defineMutator({
  name: "answerEscalation",
  args: stepArgs.extend({
    outcome: z.enum(["resolved", "returned"]),
    answer: z.string().trim().max(limits.longText),
    decisions: z.array(z.object({ text: shortTextSchema, agreementId: idSchema, ownerUserId: idSchema.nullable(), dueDate: daySchema.nullable() })).max(20),
  }),
  roles: procesregisseur,
  requires: (args: AboutClient) => ({ kind: "category", clientId: args.clientId, category: "escalations" }),
  audits: (args) => (args.decisions.some((d) => d.ownerUserId) ? ["escalations", "agreements"] : ["escalations"]),
  async run(tx, args, ctx) {
    const escalation = await escalationFor(tx, args.clientId, args.escalationId, ctx);
    mustMove(escalation, args.outcome);
    if (args.answer === "") throw new MutationRejected("invalid", "escalation.answer-missing");
    const client = await tx.get("clients", args.clientId);
    if (!client) throw new MutationRejected("not-found", "client.not-found");
    const consents = await tx.listByClient("consentEvents", args.clientId);
    const decisions: Escalation["decisions"] = [];
    for (const decision of args.decisions) {
      if (!decision.ownerUserId && !decision.dueDate) {
        decisions.push({ text: decision.text, agreementId: null });
        continue;
      }
      if (!decision.ownerUserId || !decision.dueDate)
        throw new MutationRejected("invalid", "escalation.decision-owner-incomplete", { decision: decision.text });
      // The afspraken's own rule for an owner, with the escalation's roles and what she must see: the escalation.
      const owner = await agreementOwner(tx, decision.ownerUserId, {
        roles: escalationAgreementOwnerRoles,
        mayOwn: (person) => {
          const access = canAccess(person, client, "escalations", consents, ctx.now);
          return access.allowed && access.basis !== "handover";
        },
        noAccess: (person, organisation) =>
          new MutationRejected("invalid", "escalation.decision-owner-no-access", { decision: decision.text, person: person.name, organisation }),
      });
      await putNewAgreement(
        tx,
        { id: decision.agreementId, clientId: args.clientId, domain: null, text: decision.text, dueDate: decision.dueDate, escalationId: escalation.id },
        owner,
        ctx,
      );
      decisions.push({ text: decision.text, agreementId: decision.agreementId });
    }
    await tx.put("escalations", { ...escalation, status: args.outcome, answer: args.answer, decisions, answeredAt: ctx.now, answeredBy: ctx.user.id });
    await putEvent(tx, ctx, { type: "answered", escalationId: escalation.id, clientId: escalation.clientId, outcome: args.outcome, answer: args.answer });
    if (client.covenants.some((c) => c.escalationId === escalation.id && c.until === null)) {
      await tx.put("clients", {
        ...client,
        covenants: client.covenants.map((c) => (c.escalationId === escalation.id && c.until === null ? { ...c, until: covenantUntil(ctx.now) } : c)),
        updatedAt: ctx.now,
      });
    }
  },
});

/** The holder's case manager has read the answer: it leaves her Te doen. */
export const markEscalationAnswerRead = defineMutator({
  name: "markEscalationAnswerRead",
  args: stepArgs,
  roles: caseWorkers,
  requires: (args: AboutClient) => ({ kind: "owner", clientId: args.clientId }),
  audits: () => ["escalations"],
  async run(tx, args, ctx) {
    const escalation = await escalationFor(tx, args.clientId, args.escalationId, ctx);
    if (!escalation.answeredAt) throw new MutationRejected("invalid", "escalation.not-answered");
    if (escalation.answerReadAt) return;
    await tx.put("escalations", { ...escalation, answerReadAt: ctx.now });
  },
});

/** The municipality's answer time in working days (10 unless it says otherwise). */
export const setEscalationSettings = defineMutator({
  name: "setEscalationSettings",
  args: escalationSettingsSchema.pick({ organisationId: true, responseWorkingDays: true }),
  roles: procesregisseur,
  requires: (args) => ({ kind: "organisation", organisationId: args.organisationId }),
  async run(tx, args, ctx) {
    await tx.put("escalationSettings", { id: escalationSettingsId(args.organisationId), ...args, setAt: ctx.now, setBy: ctx.user.id });
  },
});
