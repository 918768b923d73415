import type { Expense, ExpensePurpose, FlexbudgetEntry, FlexbudgetTotals, OverBudgetDecision, Storno } from "./schema.ts";

/** Where an expense stands, derived from the append-only entries that follow it. */
export type ExpenseStatus = "counted" | "awaiting-approval" | "declined" | "reversed";

export interface ExpenseState {
  expense: Expense;
  status: ExpenseStatus;
  decision: OverBudgetDecision | null;
  storno: Storno | null;
}

/** Whether an expense counts as spent: within budget, or over it and approved by the holder. */
function statusOf(expense: Expense, decision: OverBudgetDecision | null, storno: Storno | null): ExpenseStatus {
  if (storno) return "reversed";
  if (!expense.needsApproval) return "counted";
  if (!decision) return "awaiting-approval";
  return decision.approved ? "counted" : "declined";
}

/** Every expense with its status, newest day first. */
export function expenseStates(entries: readonly FlexbudgetEntry[]): ExpenseState[] {
  const decisions = new Map<string, OverBudgetDecision>();
  const stornos = new Map<string, Storno>();
  for (const entry of entries) {
    if (entry.type === "decision") decisions.set(entry.expenseId, entry);
    if (entry.type === "storno") stornos.set(entry.expenseId, entry);
  }
  return entries
    .filter((e): e is Expense => e.type === "expense")
    .map((expense) => {
      const decision = decisions.get(expense.id) ?? null;
      const storno = stornos.get(expense.id) ?? null;
      return { expense, decision, storno, status: statusOf(expense, decision, storno) };
    })
    .sort((a, b) => (a.expense.day === b.expense.day ? b.expense.recordedAt.localeCompare(a.expense.recordedAt) : b.expense.day.localeCompare(a.expense.day)));
}

/** "Besteed aan haar dit jaar": what counts as spent for one client in one year, in cents. */
export function spentInYear(entries: readonly FlexbudgetEntry[], year: number): number {
  return expenseStates(entries)
    .filter((s) => s.expense.year === year && s.status === "counted")
    .reduce((sum, s) => sum + s.expense.amountCents, 0);
}

/** What is left of a year's budget; negative never happens while the rules hold. */
export function remainingCents(budget: { amountCents: number }, totals: Pick<FlexbudgetTotals, "spentCents">): number {
  return budget.amountCents - totals.spentCents;
}

/** How a change to the ledger moves the holder's totals (by purpose too, for the figures). */
export type TotalsChange =
  | { kind: "spend"; amountCents: number; purpose: ExpensePurpose }
  | { kind: "await"; amountCents: number }
  | { kind: "approve"; amountCents: number; purpose: ExpensePurpose }
  | { kind: "decline"; amountCents: number }
  | { kind: "reverse"; amountCents: number; purpose: ExpensePurpose; was: ExpenseStatus };

export function applyToTotals(totals: FlexbudgetTotals, change: TotalsChange): FlexbudgetTotals {
  const byPurpose = { ...totals.byPurpose };
  const addPurpose = (purpose: ExpensePurpose, cents: number) => {
    byPurpose[purpose] = (byPurpose[purpose] ?? 0) + cents;
  };
  let { spentCents, awaitingCents } = totals;
  switch (change.kind) {
    case "spend":
      spentCents += change.amountCents;
      addPurpose(change.purpose, change.amountCents);
      break;
    case "await":
      awaitingCents += change.amountCents;
      break;
    case "approve":
      awaitingCents -= change.amountCents;
      spentCents += change.amountCents;
      addPurpose(change.purpose, change.amountCents);
      break;
    case "decline":
      awaitingCents -= change.amountCents;
      break;
    case "reverse":
      if (change.was === "counted") {
        spentCents -= change.amountCents;
        addPurpose(change.purpose, -change.amountCents);
      } else if (change.was === "awaiting-approval") awaitingCents -= change.amountCents;
      break;
  }
  return { ...totals, spentCents, awaitingCents, byPurpose };
}
