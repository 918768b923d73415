import type { Flexbudget } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import type { Session } from "../storage/db.ts";
import { SettingsForm } from "../ui/SettingsForm.tsx";
import { budgetArgs, budgetDraftFor } from "./budget-draft.ts";

/**
 * The year's flexbudget, set or changed by a coordinator or admin of the organisation that holds
 * it (issue 15, point 1); the server refuses another organisation's year (flexbudget.held-by-other).
 */
export function BudgetSettings({ session, year, current }: { session: Session; year: number; current: Flexbudget | null }) {
  const t = useT();
  return (
    <SettingsForm
      name="budget-settings"
      title={t("budgetSettings.title", { year })}
      save={t("budgetSettings.save")}
      saved={t("budgetSettings.saved")}
      initial={() => budgetDraftFor(year, current?.amountCents ?? null)}
      mutator="setFlexbudget"
      argsOf={(draft) => budgetArgs(draft, year, session.user.organisationId)}
      fields={(draft, change) => (
        <>
          <label>
            {t("budgetSettings.amount")}
            <input name="budget-amount" inputMode="decimal" value={draft.amount} onInput={(e) => change({ amount: e.currentTarget.value })} />
          </label>
          <label>
            {t("budgetSettings.from")}
            <input type="date" name="budget-from" value={draft.periodStart} onInput={(e) => change({ periodStart: e.currentTarget.value })} />
          </label>
          <label>
            {t("budgetSettings.to")}
            <input type="date" name="budget-to" value={draft.periodEnd} onInput={(e) => change({ periodEnd: e.currentTarget.value })} />
          </label>
        </>
      )}
    />
  );
}
