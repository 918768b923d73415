import { z } from "zod";
import { amountRefusal, maxAmountCents, maxBudgetCents } from "../money/cents.ts";
import { caseWorkers, defineMutator, MutationRejected } from "../mutators/define.ts";
import { daySchema, idSchema, limits } from "../primitives.ts";
import type { WriteTransaction } from "../store/transaction.ts";
import { holderMaySee, yearOf } from "./holder.ts";
import { applyToTotals, expenseStates, remainingCents, type TotalsChange } from "./ledger.ts";
import { expensePurposeSchema, type Flexbudget, flexbudgetId, flexbudgetTotalsId, yearSchema } from "./schema.ts";

/** Money as sent: any number, so a wrong one gets its own refusal rather than a schema error. */
const centsArg = z.number();

async function holderName(tx: WriteTransaction, organisationId: string): Promise<string> {
  return (await tx.get("organisations", organisationId))?.name ?? organisationId;
}

function refuseAmount(cents: number, max: number = maxAmountCents): void {
  const refused = amountRefusal(cents, max);
  if (refused) throw MutationRejected.of("invalid", refused);
}

/** The budget of the year, open for entries; refused when there is none or it was closed. */
async function openBudget(tx: WriteTransaction, year: number): Promise<Flexbudget> {
  const budget = await tx.get("flexbudgets", flexbudgetId(year));
  if (!budget) throw new MutationRejected("invalid", "flexbudget.no-budget", { year });
  if (budget.closedAt) throw new MutationRejected("invalid", "flexbudget.year-closed", { year });
  return budget;
}

/**
 * Moves the holder's totals along with an entry. On a device of another organisation the totals
 * are not there (it may not see them): the server, which always has them, keeps them right.
 */
async function moveTotals(tx: WriteTransaction, year: number, change: TotalsChange): Promise<void> {
  const totals = await tx.get("flexbudgetTotals", flexbudgetTotalsId(year));
  if (totals) await tx.put("flexbudgetTotals", applyToTotals(totals, change));
}

/** The holder's coordinator or admin sets (or changes) the budget of a year it holds. */
export const setFlexbudget = defineMutator({
  name: "setFlexbudget",
  args: z.object({ year: yearSchema, holderOrganisationId: idSchema, amountCents: centsArg, periodStart: daySchema, periodEnd: daySchema }),
  roles: ["coordinator", "admin"],
  requires: (args) => ({ kind: "organisation", organisationId: args.holderOrganisationId }),
  async run(tx, args, ctx) {
    refuseAmount(args.amountCents, maxBudgetCents);
    if (yearOf(args.periodStart) !== args.year || yearOf(args.periodEnd) !== args.year || args.periodEnd < args.periodStart) {
      throw new MutationRejected("invalid", "flexbudget.period-invalid", { year: args.year });
    }
    const existing = await tx.get("flexbudgets", flexbudgetId(args.year));
    if (existing && existing.holderOrganisationId !== args.holderOrganisationId) {
      throw new MutationRejected("forbidden", "flexbudget.held-by-other", { year: args.year, holder: await holderName(tx, existing.holderOrganisationId) });
    }
    if (existing?.closedAt) throw new MutationRejected("invalid", "flexbudget.year-closed", { year: args.year });
    await tx.put("flexbudgets", { id: flexbudgetId(args.year), ...args, closedAt: null, setAt: ctx.now, setBy: ctx.user.id });
    if (!(await tx.get("flexbudgetTotals", flexbudgetTotalsId(args.year)))) {
      await tx.put("flexbudgetTotals", {
        id: flexbudgetTotalsId(args.year),
        year: args.year,
        holderOrganisationId: args.holderOrganisationId,
        spentCents: 0,
        awaitingCents: 0,
        byPurpose: {},
      });
    }
  },
});

/** Once accounted for, a year is closed: no expense, storno or approval changes it after. */
export const closeFlexbudgetYear = defineMutator({
  name: "closeFlexbudgetYear",
  args: z.object({ year: yearSchema, holderOrganisationId: idSchema }),
  roles: ["coordinator", "admin"],
  requires: (args) => ({ kind: "organisation", organisationId: args.holderOrganisationId }),
  async run(tx, args, ctx) {
    const budget = await openBudget(tx, args.year);
    if (budget.holderOrganisationId !== args.holderOrganisationId) {
      throw new MutationRejected("forbidden", "flexbudget.held-by-other", { year: args.year, holder: await holderName(tx, budget.holderOrganisationId) });
    }
    await tx.put("flexbudgets", { ...budget, closedAt: ctx.now });
  },
});

/**
 * A case manager spends from the flexbudget for a client. Over the year's budget it is refused,
 * unless she asks the holder's approval: then it is recorded as waiting, and counts only once the
 * holder approves it (decideOverBudgetExpense).
 */
export const recordFlexExpense = defineMutator({
  name: "recordFlexExpense",
  args: z.object({
    id: idSchema,
    clientId: idSchema,
    day: daySchema,
    amountCents: centsArg,
    purpose: expensePurposeSchema,
    description: z.string().trim().max(limits.shortText),
    receiptReference: z.string().trim().max(200),
    askApprovalOverBudget: z.boolean(),
  }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "flexbudget" }),
  async run(tx, args, ctx) {
    if (await tx.get("flexbudgetEntries", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    refuseAmount(args.amountCents);
    if (args.purpose === "other" && args.description === "") throw new MutationRejected("invalid", "flexbudget.describe-other");
    const year = yearOf(args.day);
    const budget = await openBudget(tx, year);
    if (args.day < budget.periodStart || args.day > budget.periodEnd) {
      throw new MutationRejected("invalid", "flexbudget.outside-period", { from: budget.periodStart, until: budget.periodEnd });
    }
    const totals = await tx.get("flexbudgetTotals", flexbudgetTotalsId(year));
    // Without the totals (another organisation's device) only the server knows; it decides at push.
    const over = totals ? args.amountCents > remainingCents(budget, totals) : args.askApprovalOverBudget;
    if (over) {
      const holder = await holderName(tx, budget.holderOrganisationId);
      if (!args.askApprovalOverBudget) throw new MutationRejected("invalid", "flexbudget.over-budget", { year, holder });
      const client = await tx.get("clients", args.clientId);
      const consents = await tx.listByClient("consentEvents", args.clientId);
      if (!client || !holderMaySee(budget.holderOrganisationId, client, "flexbudget", consents, ctx.now)) {
        throw new MutationRejected("invalid", "flexbudget.holder-cannot-see", { holder, client: client?.alias ?? "" });
      }
    }
    const { askApprovalOverBudget: _asked, ...entry } = args;
    await tx.put("flexbudgetEntries", {
      ...entry,
      type: "expense",
      year,
      needsApproval: over,
      recordedAt: ctx.now,
      recordedBy: ctx.user.id,
      recordedByOrganisationId: ctx.user.organisationId,
    });
    await moveTotals(
      tx,
      year,
      over ? { kind: "await", amountCents: args.amountCents } : { kind: "spend", amountCents: args.amountCents, purpose: args.purpose },
    );
  },
});

async function expenseState(tx: WriteTransaction, clientId: string, expenseId: string) {
  const state = expenseStates(await tx.listByClient("flexbudgetEntries", clientId)).find((s) => s.expense.id === expenseId);
  if (!state) throw new MutationRejected("not-found", "flexbudget.expense-not-found");
  return state;
}

/** A correction is a storno: a new entry that cancels the expense, which stays in the ledger. */
export const reverseFlexExpense = defineMutator({
  name: "reverseFlexExpense",
  args: z.object({ id: idSchema, clientId: idSchema, expenseId: idSchema, reason: z.string().trim().min(1).max(limits.shortText) }),
  roles: caseWorkers,
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "flexbudget" }),
  async run(tx, args, ctx) {
    if (await tx.get("flexbudgetEntries", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const { expense, status } = await expenseState(tx, args.clientId, args.expenseId);
    if (status === "reversed") throw new MutationRejected("conflict", "flexbudget.already-reversed");
    await openBudget(tx, expense.year);
    await tx.put("flexbudgetEntries", {
      id: args.id,
      clientId: args.clientId,
      type: "storno",
      year: expense.year,
      expenseId: expense.id,
      amountCents: expense.amountCents,
      reason: args.reason,
      recordedAt: ctx.now,
      recordedBy: ctx.user.id,
      recordedByOrganisationId: ctx.user.organisationId,
    });
    await moveTotals(tx, expense.year, { kind: "reverse", amountCents: expense.amountCents, purpose: expense.purpose, was: status });
  },
});

/** The budget holder's coordinator approves or declines an expense that went over budget. */
export const decideOverBudgetExpense = defineMutator({
  name: "decideOverBudgetExpense",
  args: z.object({ id: idSchema, clientId: idSchema, expenseId: idSchema, approved: z.boolean(), note: z.string().trim().max(limits.shortText) }),
  roles: ["coordinator"],
  requires: (args) => ({ kind: "category", clientId: args.clientId, category: "flexbudget" }),
  async run(tx, args, ctx) {
    if (await tx.get("flexbudgetEntries", args.id)) throw new MutationRejected("conflict", "change.duplicate");
    const { expense, status } = await expenseState(tx, args.clientId, args.expenseId);
    if (status !== "awaiting-approval") throw new MutationRejected("conflict", "flexbudget.not-awaiting");
    const budget = await openBudget(tx, expense.year);
    if (budget.holderOrganisationId !== ctx.user.organisationId) {
      throw new MutationRejected("forbidden", "flexbudget.holder-only", { holder: await holderName(tx, budget.holderOrganisationId) });
    }
    await tx.put("flexbudgetEntries", {
      id: args.id,
      clientId: args.clientId,
      type: "decision",
      year: expense.year,
      expenseId: expense.id,
      approved: args.approved,
      note: args.note,
      recordedAt: ctx.now,
      recordedBy: ctx.user.id,
      recordedByOrganisationId: ctx.user.organisationId,
    });
    await moveTotals(
      tx,
      expense.year,
      args.approved ? { kind: "approve", amountCents: expense.amountCents, purpose: expense.purpose } : { kind: "decline", amountCents: expense.amountCents },
    );
  },
});
