import { remainingCents } from "@naast/shared";
import { useContext } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatEuros, LanguageContext, useT } from "../i18n/index.ts";
import { loadYearFigures } from "../records/queries.ts";
import { db, type Session } from "../storage/db.ts";
import { BudgetSettings } from "./BudgetSettings.tsx";

/**
 * For the organisation that holds this year's flexbudget and time-out: what is left, and how
 * many trajectories. Aggregate only (the totals name no client), so only its own devices have them.
 */
export function HolderOverview({ session }: { session: Session }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const year = new Date().getFullYear();
  const figures = useLiveQuery(() => loadYearFigures(db, year), [year]);
  if (!figures) return null;
  const { flexbudget, flexbudgetTotals, timeoutSettings, timeoutTotals } = figures;
  const budget = flexbudget && flexbudgetTotals?.holderOrganisationId === session.user.organisationId ? { flexbudget, totals: flexbudgetTotals } : null;
  const stays =
    session.user.role === "coordinator" && timeoutSettings && timeoutTotals?.holderOrganisationId === session.user.organisationId ? timeoutTotals : null;
  // A coordinator or admin sets the year's budget, also before her organisation holds one.
  const setsBudget = session.user.role === "coordinator" || session.user.role === "admin";
  const othersBudget = flexbudget !== null && flexbudget !== undefined && flexbudget.holderOrganisationId !== session.user.organisationId;
  if (!budget && !stays && (!setsBudget || othersBudget)) return null;
  return (
    <section class="card holder-overview" aria-labelledby="holder-overview-title">
      <h2 id="holder-overview-title">{t("holder.title", { year })}</h2>
      {budget && (
        <p data-testid="budget-left">
          {t("holder.budgetLeft", {
            left: formatEuros(language, remainingCents(budget.flexbudget, budget.totals)),
            total: formatEuros(language, budget.flexbudget.amountCents),
          })}
          {budget.totals.awaitingCents > 0 && ` ${t("holder.awaiting", { amount: formatEuros(language, budget.totals.awaitingCents) })}`}
        </p>
      )}
      {stays && timeoutSettings && (
        <p data-testid="trajectories">
          {t("holder.trajectories", { count: stays.trajectories, max: timeoutSettings.trajectoriesPerYear, cost: formatEuros(language, stays.costCents) })}
        </p>
      )}
      {setsBudget && !othersBudget && (
        // Keyed by the budget's id: the form starts from the stored amount once the budget has synced, and keeps what she typed after.
        <BudgetSettings key={flexbudget?.id ?? "none"} session={session} year={year} current={flexbudget ?? null} />
      )}
    </section>
  );
}
