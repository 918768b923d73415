import type { SessionUser } from "../organisation/schema.ts";
import type { ExpenseState } from "./ledger.ts";

/**
 * For the Te doen list (issue 13): over-budget expenses waiting for this coordinator's approval
 * (her organisation holds the year's budget). Give it only expenses the user may see.
 */
export interface ExpenseTodo {
  kind: "expense-awaiting-approval";
  clientId: string;
  expenseId: string;
  amountCents: number;
  since: string;
}

export function expenseTodos(user: SessionUser, states: readonly ExpenseState[], holderOf: (year: number) => string | null): ExpenseTodo[] {
  if (user.role !== "coordinator") return [];
  return states
    .filter((s) => s.status === "awaiting-approval" && holderOf(s.expense.year) === user.organisationId)
    .map((s) => ({
      kind: "expense-awaiting-approval",
      clientId: s.expense.clientId,
      expenseId: s.expense.id,
      amountCents: s.expense.amountCents,
      since: s.expense.recordedAt,
    }));
}
