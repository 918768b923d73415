import type { Flexbudget } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { budgetArgs, budgetDraftFor } from "./budget-draft.ts";

/**
 * The year's flexbudget, set or changed by a coordinator or admin of the organisation that holds
 * it (issue 15, point 1); the server refuses another organisation's year (flexbudget.held-by-other).
 */
export function BudgetSettings({ session, year, current }: { session: Session; year: number; current: Flexbudget | null }) {
  const t = useT();
  const { run, error } = useMutate();
  const [draft, setDraft] = useState(() => budgetDraftFor(year, current?.amountCents ?? null));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    const made = budgetArgs(draft, year, session.user.organisationId);
    setSaved(false);
    if (!made.ok) return setProblem(describeRefusal(t, made.refusal));
    setProblem(null);
    setSaved(await run("setFlexbudget", made.args));
  };
  return (
    <details class="budget-settings">
      <summary>{t("budgetSettings.title", { year })}</summary>
      <form onSubmit={(e) => void save(e)} data-testid="budget-settings">
        <label>
          {t("budgetSettings.amount")}
          <input name="budget-amount" inputMode="decimal" value={draft.amount} onInput={(e) => setDraft({ ...draft, amount: e.currentTarget.value })} />
        </label>
        <label>
          {t("budgetSettings.from")}
          <input type="date" name="budget-from" value={draft.periodStart} onInput={(e) => setDraft({ ...draft, periodStart: e.currentTarget.value })} />
        </label>
        <label>
          {t("budgetSettings.to")}
          <input type="date" name="budget-to" value={draft.periodEnd} onInput={(e) => setDraft({ ...draft, periodEnd: e.currentTarget.value })} />
        </label>
        <button type="submit">{t("budgetSettings.save")}</button>
        {saved && <p role="status">{t("budgetSettings.saved")}</p>}
        <ErrorLine message={problem ?? error} />
      </form>
    </details>
  );
}
