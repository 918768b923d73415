import { z } from "zod";
import { amountCentsSchema, totalCentsSchema } from "../money/cents.ts";
import { daySchema, idSchema, instantSchema, limits } from "../primitives.ts";

/** What the money went to, as the team reports it to the municipality ("anders" with a text). */
export const expensePurposes = ["clothing", "food", "shelter", "transport", "identity", "other"] as const;
export const expensePurposeSchema = z.enum(expensePurposes);
export type ExpensePurpose = z.infer<typeof expensePurposeSchema>;

export const yearSchema = z.number().int().min(2000).max(2100);

/**
 * The flexbudget (doorbraakbudget) of one year: how much, for which period, and which
 * organisation holds it (Stapteams differ: the casemanager, or Iriszorg; so it is a setting).
 * Public money, no client data: every signed-in colleague sees it.
 */
export const flexbudgetSchema = z.object({
  id: idSchema,
  year: yearSchema,
  holderOrganisationId: idSchema,
  amountCents: totalCentsSchema,
  periodStart: daySchema,
  periodEnd: daySchema,
  /** A closed year takes no more expenses or corrections: it has been accounted for. */
  closedAt: instantSchema.nullable(),
  setAt: instantSchema,
  setBy: idSchema,
});
export type Flexbudget = z.infer<typeof flexbudgetSchema>;

/**
 * The holder's running totals of a year, kept by the same mutators that write the entries.
 * Aggregate (no client, no count of expenses): only the holding organisation receives it, and
 * the server needs it to refuse an expense over budget without reading every client's ledger.
 */
export const flexbudgetTotalsSchema = z.object({
  id: idSchema,
  year: yearSchema,
  holderOrganisationId: idSchema,
  spentCents: totalCentsSchema,
  /** Over-budget expenses waiting for the holder's approval: not spent until approved. */
  awaitingCents: totalCentsSchema,
  byPurpose: z.partialRecord(expensePurposeSchema, totalCentsSchema),
});
export type FlexbudgetTotals = z.infer<typeof flexbudgetTotalsSchema>;

export const flexbudgetId = (year: number) => `flexbudget:${year}`;
export const flexbudgetTotalsId = (year: number) => `flexbudget-totals:${year}`;

const entryBase = {
  id: idSchema,
  clientId: idSchema,
  year: yearSchema,
  recordedAt: instantSchema,
  recordedBy: idSchema,
  recordedByOrganisationId: idSchema,
};

/** Money spent for a client. Never edited: a mistake is corrected by a storno. */
export const expenseSchema = z.object({
  ...entryBase,
  type: z.literal("expense"),
  day: daySchema,
  amountCents: amountCentsSchema,
  purpose: expensePurposeSchema,
  /** What exactly ("winterjas", "OV-dagkaart"); required for "other". */
  description: z.string().trim().max(limits.shortText),
  receiptReference: z.string().trim().max(200),
  /** Over budget when recorded: counts only once the budget holder approves it. */
  needsApproval: z.boolean(),
});

/** Cancels an expense as a new entry; the expense stays in the ledger, visibly reversed. */
export const stornoSchema = z.object({
  ...entryBase,
  type: z.literal("storno"),
  expenseId: idSchema,
  amountCents: amountCentsSchema,
  reason: z.string().trim().min(1).max(limits.shortText),
});

/** The budget holder's answer to an over-budget expense: the second, recorded step. */
export const overBudgetDecisionSchema = z.object({
  ...entryBase,
  type: z.literal("decision"),
  expenseId: idSchema,
  approved: z.boolean(),
  note: z.string().trim().max(limits.shortText),
});

export const flexbudgetEntrySchema = z.discriminatedUnion("type", [expenseSchema, stornoSchema, overBudgetDecisionSchema]);
export type FlexbudgetEntry = z.infer<typeof flexbudgetEntrySchema>;
export type Expense = z.infer<typeof expenseSchema>;
export type Storno = z.infer<typeof stornoSchema>;
export type OverBudgetDecision = z.infer<typeof overBudgetDecisionSchema>;
