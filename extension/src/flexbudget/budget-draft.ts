import { eurosToType, type MutationArgs, maxBudgetCents, type Refusal, refusal, typedCents } from "@naast/shared";

/** The budget form as typed: the amount in euros as text ("1.000,00"), the period's two days. */
export interface BudgetDraft {
  amount: string;
  periodStart: string;
  periodEnd: string;
}

export const budgetDraftFor = (year: number, amountCents: number | null): BudgetDraft => ({
  amount: amountCents === null ? "" : eurosToType(amountCents),
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
});

/** What to send for the budget of `year`, or why not, by the rules the server applies (shared money rules). */
export function budgetArgs(
  draft: BudgetDraft,
  year: number,
  holderOrganisationId: string,
): { ok: true; args: MutationArgs<"setFlexbudget"> } | { ok: false; refusal: Refusal } {
  const amount = typedCents(draft.amount, maxBudgetCents);
  if (!amount.ok) return amount;
  if (!draft.periodStart.startsWith(`${year}-`) || !draft.periodEnd.startsWith(`${year}-`) || draft.periodEnd < draft.periodStart) {
    return { ok: false, refusal: refusal("flexbudget.period-invalid", { year }) };
  }
  return { ok: true, args: { year, holderOrganisationId, amountCents: amount.cents, periodStart: draft.periodStart, periodEnd: draft.periodEnd } };
}
