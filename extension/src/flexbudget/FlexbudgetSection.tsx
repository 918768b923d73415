import {
  type AccessDecision,
  calendarToday,
  type DataCategory,
  type ExpenseState,
  expensePurposes,
  expenseStates,
  remainingCents,
  spentInYear,
} from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, formatEuros, LanguageContext, useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import type { ClientView, Directory, YearFigures } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { type ExpenseDraft, emptyExpenseDraft, expenseArgs } from "./expense-draft.ts";

interface Props {
  view: ClientView;
  directory: Directory;
  accessible: Map<DataCategory, AccessDecision>;
  session: Session;
  figures: YearFigures;
}

/** The client's flexbudget: what was spent on her this year, each expense, and a form to add one. */
export function FlexbudgetSection({ view, directory, accessible, session, figures }: Props) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  if (!accessible.has("flexbudget")) {
    return (
      <section class="card flexbudget">
        <h2>{t("flexbudget.title")}</h2>
        <p class="hint">{t("flexbudget.notShared")}</p>
      </section>
    );
  }
  const states = expenseStates(view.flexbudgetEntries);
  const isHolderCoordinator = session.user.role === "coordinator" && figures.flexbudget?.holderOrganisationId === session.user.organisationId;
  return (
    <section class="card flexbudget" aria-labelledby="flexbudget-title">
      <h2 id="flexbudget-title">{t("flexbudget.title")}</h2>
      <p data-testid="spent-on-client">
        {t("flexbudget.spentOnClient", {
          client: view.client.alias,
          year: figures.year,
          amount: formatEuros(language, spentInYear(view.flexbudgetEntries, figures.year)),
        })}
      </p>
      {states.length === 0 && <p class="hint">{t("flexbudget.none")}</p>}
      <ul>
        {states.map((s) => (
          <ExpenseItem key={s.expense.id} state={s} directory={directory} clientId={view.client.id} mayDecide={isHolderCoordinator} />
        ))}
      </ul>
      <ExpenseForm clientId={view.client.id} figures={figures} />
    </section>
  );
}

function ExpenseItem({ state, directory, clientId, mayDecide }: { state: ExpenseState; directory: Directory; clientId: string; mayDecide: boolean }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const [reversing, setReversing] = useState(false);
  const [reason, setReason] = useState("");
  const { expense, status } = state;
  const decide = (approved: boolean) => run("decideOverBudgetExpense", { id: crypto.randomUUID(), clientId, expenseId: expense.id, approved, note: "" });
  const reverse = async (event: Event) => {
    event.preventDefault();
    if (await run("reverseFlexExpense", { id: crypto.randomUUID(), clientId, expenseId: expense.id, reason })) setReversing(false);
  };
  return (
    <li data-testid="expense" data-status={status}>
      <p class="meta">
        {formatDay(language, expense.day)} · <strong>{formatEuros(language, expense.amountCents)}</strong> ·{" "}
        {t(`flexbudget.purpose.${expense.purpose}` as MessageKey)}
        {status !== "counted" && <strong class="badge">{t(`flexbudget.status.${status}` as MessageKey)}</strong>}
      </p>
      {expense.description && <p>{expense.description}</p>}
      <p class="meta">
        {directory.people.get(expense.recordedBy)?.name ?? "?"} ({directory.organisations.get(expense.recordedByOrganisationId)?.shortName ?? "?"})
        {expense.receiptReference && ` · ${t("flexbudget.receipt")}: ${expense.receiptReference}`}
      </p>
      {state.storno && <p class="meta">{t("flexbudget.reversedBecause", { reason: state.storno.reason })}</p>}
      {status === "awaiting-approval" && mayDecide && (
        <p>
          <button type="button" onClick={() => void decide(true)}>
            {t("flexbudget.approve")}
          </button>{" "}
          <button type="button" class="secondary" onClick={() => void decide(false)}>
            {t("flexbudget.decline")}
          </button>
        </p>
      )}
      {status !== "reversed" && !reversing && (
        <button type="button" class="link" onClick={() => setReversing(true)}>
          {t("flexbudget.reverse")}
        </button>
      )}
      {reversing && (
        <form onSubmit={reverse}>
          <label>
            {t("flexbudget.reverseReason")}
            <input name="storno-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("flexbudget.reverseSave")}</button>{" "}
          <button type="button" class="secondary" onClick={() => setReversing(false)}>
            {t("plan.cancel")}
          </button>
        </form>
      )}
      <ErrorLine message={error} />
    </li>
  );
}

function ExpenseForm({ clientId, figures }: { clientId: string; figures: YearFigures }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const today = calendarToday();
  const [draft, setDraft] = useState<ExpenseDraft>(emptyExpenseDraft(today));
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<ExpenseDraft>) => setDraft({ ...draft, ...change });
  const { flexbudget, flexbudgetTotals } = figures;
  // Only the holder's devices know what is left; elsewhere the server says so at the push.
  const left = flexbudget && flexbudgetTotals ? remainingCents(flexbudget, flexbudgetTotals) : null;

  const save = async (event: Event) => {
    event.preventDefault();
    const result = expenseArgs(draft, clientId, crypto.randomUUID());
    if (!result.ok) return setProblem(describeRefusal(t, result.refusal));
    setProblem(null);
    if (await run("recordFlexExpense", result.args)) setDraft(emptyExpenseDraft(today));
  };

  return (
    <form onSubmit={save} aria-labelledby="expense-form-title" data-testid="expense-form">
      <h3 id="expense-form-title">{t("flexbudget.add")}</h3>
      {left !== null && <p class="hint">{t("flexbudget.leftHint", { left: formatEuros(language, left) })}</p>}
      <label>
        {t("flexbudget.day")}
        <input name="expense-day" type="date" required value={draft.day} onInput={(e) => set({ day: e.currentTarget.value })} />
      </label>
      <label>
        {t("flexbudget.amount")}
        <input
          name="expense-amount"
          inputMode="decimal"
          required
          autoComplete="off"
          value={draft.amount}
          onInput={(e) => set({ amount: e.currentTarget.value })}
        />
      </label>
      <label>
        {t("flexbudget.purpose")}
        <select name="expense-purpose" required value={draft.purpose} onChange={(e) => set({ purpose: e.currentTarget.value as ExpenseDraft["purpose"] })}>
          <option value="" />
          {expensePurposes.map((p) => (
            <option key={p} value={p}>
              {t(`flexbudget.purpose.${p}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("flexbudget.description")}
        <input name="expense-description" maxLength={500} value={draft.description} onInput={(e) => set({ description: e.currentTarget.value })} />
      </label>
      <label>
        {t("flexbudget.receipt")}
        <input name="expense-receipt" maxLength={200} value={draft.receiptReference} onInput={(e) => set({ receiptReference: e.currentTarget.value })} />
      </label>
      <label class="inline">
        <input name="expense-ask-approval" type="checkbox" checked={draft.askApproval} onChange={(e) => set({ askApproval: e.currentTarget.checked })} />
        {t("flexbudget.askApproval")}
      </label>
      <button type="submit">{t("flexbudget.save")}</button>
      <ErrorLine message={problem ?? error} />
    </form>
  );
}
