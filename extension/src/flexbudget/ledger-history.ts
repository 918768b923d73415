import { type ExpensePurpose, expenseStates, type FlexbudgetEntry } from "@naast/shared";

/** One line of the budget holder's ledger: an expense, a storno, or her answer to an over-budget expense. */
export interface LedgerLine {
  id: string;
  kind: "expense" | "storno" | "approved" | "declined";
  clientId: string;
  /** The day it was spent (expense), or the day the storno or decision was recorded. */
  day: string;
  recordedAt: string;
  /** What it moves: the expense's amount (for its storno and decision too). */
  amountCents: number;
  purpose: ExpensePurpose;
  /** The expense's description, the storno's reason or the decision's note. */
  text: string;
  receiptReference: string;
  by: string;
  byOrganisationId: string;
  /** For an expense: where it stands now (a later storno or decision changed it). */
  status: "counted" | "awaiting-approval" | "declined" | "reversed" | null;
}

/**
 * The holder's ledger of one year, every entry the device holds (only clients who share the
 * flexbudget with her organisation), newest first: append-only, so a storno and a decision are
 * lines of their own beside the expense they are about, never an edit of it.
 */
export function ledgerLines(entries: readonly FlexbudgetEntry[], year: number): LedgerLine[] {
  const states = new Map(expenseStates(entries).map((s) => [s.expense.id, s]));
  const lines: LedgerLine[] = [];
  for (const entry of entries) {
    if (entry.year !== year) continue;
    const base = {
      id: entry.id,
      clientId: entry.clientId,
      recordedAt: entry.recordedAt,
      by: entry.recordedBy,
      byOrganisationId: entry.recordedByOrganisationId,
    };
    if (entry.type === "expense") {
      const { day, amountCents, purpose, description, receiptReference } = entry;
      lines.push({ ...base, kind: "expense", day, amountCents, purpose, text: description, receiptReference, status: states.get(entry.id)?.status ?? null });
      continue;
    }
    const expense = states.get(entry.expenseId)?.expense;
    if (!expense) continue;
    lines.push({
      ...base,
      kind: entry.type === "storno" ? "storno" : entry.approved ? "approved" : "declined",
      day: entry.recordedAt.slice(0, 10),
      amountCents: expense.amountCents,
      purpose: expense.purpose,
      text: entry.type === "storno" ? entry.reason : entry.note,
      receiptReference: expense.receiptReference,
      status: null,
    });
  }
  return lines.sort((a, b) => b.day.localeCompare(a.day) || b.recordedAt.localeCompare(a.recordedAt) || a.id.localeCompare(b.id));
}
