import { amountProblem, type MutationArgs, maxBudgetCents, parseEuros, type Refusal, refusal } from "@naast/shared";

/** The budget form as typed: the amount in euros as text ("1.000,00"), the period's two days. */
export interface BudgetDraft {
  amount: string;
  periodStart: string;
  periodEnd: string;
}

export const budgetDraftFor = (year: number, amountCents: number | null): BudgetDraft => ({
  amount: amountCents === null ? "" : (amountCents / 100).toFixed(2).replace(".", ","),
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
});

/** What to send for the budget of `year`, or why not, by the rules the server applies (shared money rules). */
export function budgetArgs(
  draft: BudgetDraft,
  year: number,
  holderOrganisationId: string,
): { ok: true; args: MutationArgs<"setFlexbudget"> } | { ok: false; refusal: Refusal } {
  const cents = parseEuros(draft.amount);
  if (cents === null) return { ok: false, refusal: refusal("money.not-whole-cents") };
  const problem = amountProblem(cents, maxBudgetCents);
  if (problem === "money.too-large") return { ok: false, refusal: refusal(problem, { max: maxBudgetCents }) };
  if (problem) return { ok: false, refusal: refusal(problem) };
  if (!draft.periodStart.startsWith(`${year}-`) || !draft.periodEnd.startsWith(`${year}-`) || draft.periodEnd < draft.periodStart) {
    return { ok: false, refusal: refusal("flexbudget.period-invalid", { year }) };
  }
  return { ok: true, args: { year, holderOrganisationId, amountCents: cents, periodStart: draft.periodStart, periodEnd: draft.periodEnd } };
}
