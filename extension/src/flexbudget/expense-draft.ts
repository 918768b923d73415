import { type ExpensePurpose, type MutationArgs, type Refusal, refusal, typedCents } from "@naast/shared";

/** The expense form as typed: euros as text ("12,50"), the rest as chosen. */
export interface ExpenseDraft {
  day: string;
  amount: string;
  purpose: ExpensePurpose | "";
  description: string;
  receiptReference: string;
  askApproval: boolean;
}

export const emptyExpenseDraft = (today: string): ExpenseDraft => ({
  day: today,
  amount: "",
  purpose: "",
  description: "",
  receiptReference: "",
  askApproval: false,
});

/**
 * What to send for this draft, or why not, by the same rules the server applies (shared
 * money rules): the panel says "12,505 is geen bedrag" before anything is queued.
 */
export function expenseArgs(
  draft: ExpenseDraft,
  clientId: string,
  id: string,
): { ok: true; args: MutationArgs<"recordFlexExpense"> } | { ok: false; refusal: Refusal } {
  const amount = typedCents(draft.amount);
  if (!amount.ok) return amount;
  if (draft.purpose === "") return { ok: false, refusal: refusal("flexbudget.describe-other") };
  if (draft.purpose === "other" && draft.description.trim() === "") return { ok: false, refusal: refusal("flexbudget.describe-other") };
  return {
    ok: true,
    args: {
      id,
      clientId,
      day: draft.day,
      amountCents: amount.cents,
      purpose: draft.purpose,
      description: draft.description.trim(),
      receiptReference: draft.receiptReference.trim(),
      askApprovalOverBudget: draft.askApproval,
    },
  };
}
