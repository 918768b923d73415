import type { z } from "zod";
import { addAgreement, setAgreementStatus, updateAgreement } from "../agreement/mutators.ts";
import { createClient, linkEpdRecord, setClientStatus } from "../client/mutators.ts";
import { recordConsentConversation } from "../consent/conversation.ts";
import { recordConsent, withdrawConsent } from "../consent/mutators.ts";
import {
  answerEscalation,
  escalate,
  markEscalationAnswerRead,
  recordEscalationDiscussed,
  setEscalationSettings,
  takeUpEscalation,
} from "../escalation/mutators.ts";
import { markPriority, removePriority } from "../escalation/priority.ts";
import { closeFlexbudgetYear, decideOverBudgetExpense, recordFlexExpense, reverseFlexExpense, setFlexbudget } from "../flexbudget/mutators.ts";
import { acknowledgeHandover } from "../handover/acknowledge.ts";
import { declineHandover } from "../handover/decline.ts";
import { endReadOnlyAccess } from "../handover/end-read-only.ts";
import { recordHandoverExport } from "../handover/export.ts";
import { replyToHandover } from "../handover/reply.ts";
import { startHandover } from "../handover/start.ts";
import { addNote } from "../note/mutators.ts";
import { setOverviewSettings } from "../overview/settings.ts";
import { recordZrmScore, updatePlanDomain } from "../plan/mutators.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import { decideTimeoutStay, endTimeoutStay, requestTimeoutStay, setTimeoutSettings, startTimeoutStay } from "../timeout/mutators.ts";
import type { MutationContext, Mutator } from "./define.ts";
import type { MutationEffect } from "./may-run.ts";
import { runMutation } from "./run.ts";

/** Every change a user can make. The name is what travels in a push. */
export const mutators = {
  createClient,
  linkEpdRecord,
  setClientStatus,
  recordConsent,
  withdrawConsent,
  recordConsentConversation,
  recordZrmScore,
  updatePlanDomain,
  addAgreement,
  updateAgreement,
  setAgreementStatus,
  addNote,
  startHandover,
  replyToHandover,
  acknowledgeHandover,
  declineHandover,
  endReadOnlyAccess,
  recordHandoverExport,
  setFlexbudget,
  recordFlexExpense,
  reverseFlexExpense,
  decideOverBudgetExpense,
  closeFlexbudgetYear,
  setTimeoutSettings,
  requestTimeoutStay,
  decideTimeoutStay,
  startTimeoutStay,
  endTimeoutStay,
  escalate,
  takeUpEscalation,
  recordEscalationDiscussed,
  answerEscalation,
  markEscalationAnswerRead,
  setEscalationSettings,
  markPriority,
  removePriority,
  setOverviewSettings,
} as const;

export type MutatorName = keyof typeof mutators;
export type MutationArgs<N extends MutatorName> = z.infer<(typeof mutators)[N]["args"]>;

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutators, name);
}

/** A mutation whose name is known and whose arguments passed their schema: ready to run anywhere. */
export interface BoundMutation {
  name: MutatorName;
  /** The client it is about (for the audit log, also when it is rejected); null for a setting. */
  clientId: string | null;
  apply(tx: WriteTransaction, ctx: MutationContext): Promise<MutationEffect>;
}

export type BindResult = { ok: true; mutation: BoundMutation } | { ok: false; message: string; error?: z.ZodError };

function bound<S extends z.ZodType>(name: MutatorName, mutator: Mutator<S>, args: z.infer<S>): BoundMutation {
  const requirement = mutator.requires(args);
  return { name, clientId: requirement.kind === "organisation" ? null : requirement.clientId, apply: (tx, ctx) => runMutation(tx, mutator, args, ctx) };
}

export function bindMutation(name: string, args: unknown): BindResult {
  if (!isMutatorName(name)) return { ok: false, message: `unknown mutator "${name}"` };
  const mutator: Mutator = mutators[name];
  const parsed = mutator.args.safeParse(args);
  if (!parsed.success) return { ok: false, message: `invalid arguments for ${name}`, error: parsed.error };
  return { ok: true, mutation: bound(name, mutator, parsed.data) };
}
