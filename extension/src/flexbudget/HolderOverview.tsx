import { remainingCents, setFlexbudget, setTimeoutSettings } from "@naast/shared";
import { useContext } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatEuros, LanguageContext, useT } from "../i18n/index.ts";
import { loadYearFigures } from "../records/queries.ts";
import { db, type Session } from "../storage/db.ts";
import { TimeoutSettingsForm } from "../timeout/TimeoutSettingsForm.tsx";
import { BudgetSettings } from "./BudgetSettings.tsx";
import { HolderLedger } from "./HolderLedger.tsx";

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
  // The roles the mutators allow set the year's budget and day rate, also before her organisation holds one.
  const setsBudget = setFlexbudget.roles.includes(session.user.role);
  const othersBudget = flexbudget !== null && flexbudget !== undefined && flexbudget.holderOrganisationId !== session.user.organisationId;
  const setsTimeout = setTimeoutSettings.roles.includes(session.user.role);
  const othersTimeout = timeoutSettings !== null && timeoutSettings !== undefined && timeoutSettings.holderOrganisationId !== session.user.organisationId;
  if (!budget && !stays && (!setsBudget || othersBudget) && (!setsTimeout || othersTimeout)) return null;
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
      {budget && <HolderLedger year={year} />}
      {setsBudget && !othersBudget && (
        // Keyed by the budget's id: the form starts from the stored amount once the budget has synced, and keeps what she typed after.
        <BudgetSettings key={flexbudget?.id ?? "none"} session={session} year={year} current={flexbudget ?? null} />
      )}
      {setsTimeout && !othersTimeout && (
        <TimeoutSettingsForm key={timeoutSettings?.id ?? "none"} session={session} year={year} current={timeoutSettings ?? null} />
      )}
    </section>
  );
}
