import { deriveStays, type ExpenseState, expenseStates, type FlexbudgetEntry, type TimeoutEvent } from "@naast/shared";

/** One line of her history from the two money registers: a time-out stay that ended, or a flexbudget expense. */
export type RegisterEvent =
  | { kind: "stay"; id: string; day: string; from: string; until: string; nights: number; costCents: number; location: string | null }
  | { kind: "expense"; id: string; day: string; state: ExpenseState };

/**
 * What the flexbudget and the time-out did for her, newest first: stays that ended (their nights and
 * cost as recorded at the end) and expenses that counted or were reversed (a storno stays in the
 * history; an expense still waiting for approval, or declined, is not something spent on her).
 */
export function registerHistory(entries: readonly FlexbudgetEntry[], events: readonly TimeoutEvent[]): RegisterEvent[] {
  const stays: RegisterEvent[] = deriveStays(events).flatMap((stay) =>
    stay.ended
      ? [
          {
            kind: "stay" as const,
            id: stay.id,
            day: stay.ended.day,
            from: stay.from,
            until: stay.until,
            nights: stay.ended.nights,
            costCents: stay.ended.costCents,
            location: stay.started?.location ?? null,
          },
        ]
      : [],
  );
  const expenses: RegisterEvent[] = expenseStates(entries)
    .filter((state) => state.status === "counted" || state.status === "reversed")
    .map((state) => ({ kind: "expense" as const, id: state.expense.id, day: state.expense.day, state }));
  return [...stays, ...expenses].sort((a, b) => b.day.localeCompare(a.day) || a.id.localeCompare(b.id));
}
