import { type AccessDecision, calendarToday, type DataCategory, isZrmDomain, type LifeDomain, lifeDomains } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { categoryLabel, useT } from "../i18n/index.ts";
import type { ClientView } from "../records/queries.ts";
import { CollapsibleSection } from "../ui/CollapsibleSection.tsx";
import { DomainOptions } from "../ui/DomainOptions.tsx";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { ScoreSelect, zrmLevelKey } from "../ui/ScoreSelect.tsx";
import { scoreHistory } from "./score-history.ts";

type Accessible = Map<DataCategory, AccessDecision>;

export function PlanSection({ view, accessible }: { view: ClientView; accessible: Accessible }) {
  const t = useT();
  const [adding, setAdding] = useState<LifeDomain | "">("");
  const shown = lifeDomains.filter((d) => view.planDomains.some((p) => p.domain === d) || view.zrmScores.some((s) => s.domain === d) || d === adding);
  const hidden = lifeDomains.filter((d) => !accessible.has(d));
  const addable = lifeDomains.filter((d) => accessible.has(d) && !shown.includes(d));

  return (
    <CollapsibleSection name="plan" title={t("plan.title")} class="plan">
      {shown.length === 0 && <p class="hint">{t("plan.empty")}</p>}
      {shown.map((domain) => (
        <DomainRow key={domain} domain={domain} view={view} startEditing={domain === adding} onDone={() => setAdding("")} />
      ))}
      {addable.length > 0 && (
        <label class="inline">
          {t("plan.addDomain")}
          <select value={adding} onChange={(e) => setAdding(e.currentTarget.value as LifeDomain | "")}>
            <option value="" />
            <DomainOptions domains={addable} />
          </select>
        </label>
      )}
      {hidden.length > 0 && <p class="hint">{t("plan.notShared", { domains: hidden.map((d) => categoryLabel(t, d)).join(", ") })}</p>}
    </CollapsibleSection>
  );
}

function DomainRow({ domain, view, startEditing, onDone }: { domain: LifeDomain; view: ClientView; startEditing: boolean; onDone(): void }) {
  const t = useT();
  const plan = view.planDomains.find((p) => p.domain === domain);
  const { latest, trend } = scoreHistory(view.zrmScores, domain);
  // Seksualiteit en sekswerk and veiligheid are plan domains without a ZRM score.
  const scored = isZrmDomain(domain);
  const [editing, setEditing] = useState(startEditing);
  const [score, setScore] = useState(String(latest?.score ?? ""));
  const [situation, setSituation] = useState(plan?.situation ?? "");
  const [goal, setGoal] = useState(plan?.goal ?? "");
  const { run, error } = useMutate();
  const label = categoryLabel(t, domain);

  const save = async (event: Event) => {
    event.preventDefault();
    const clientId = view.client.id;
    let ok = true;
    if (situation !== (plan?.situation ?? "") || goal !== (plan?.goal ?? "")) ok = await run("updatePlanDomain", { clientId, domain, situation, goal });
    if (ok && scored && score && Number(score) !== latest?.score) {
      ok = await run("recordZrmScore", { id: crypto.randomUUID(), clientId, domain, score: Number(score), assessedOn: calendarToday() });
    }
    if (ok) {
      setEditing(false);
      onDone();
    }
  };

  return (
    <div class="domain" data-domain={domain}>
      <h3>
        {label}{" "}
        {scored ? (
          <>
            <span class={`score score-${latest?.score ?? "none"}`} data-testid={`score-${domain}`} title={t("plan.score")}>
              {latest ? latest.score : t("plan.noScore")}
            </span>
            {latest && <span class="meta zrm-level"> {t(zrmLevelKey(latest.score))}</span>}
          </>
        ) : (
          <span class="hint">{t("plan.noZrm")}</span>
        )}
        {trend && (
          <span class={`trend trend-${trend}`} title={t(`plan.trend.${trend}`)}>
            {trend === "up" ? "↑" : trend === "down" ? "↓" : "→"}
            <span class="visually-hidden">{t(`plan.trend.${trend}`)}</span>
          </span>
        )}
      </h3>
      {!editing ? (
        <>
          {plan?.situation && (
            <p>
              <strong>{t("plan.situation")}:</strong> {plan.situation}
            </p>
          )}
          {plan?.goal && (
            <p>
              <strong>{t("plan.goal")}:</strong> {plan.goal}
            </p>
          )}
          <button type="button" class="link" onClick={() => setEditing(true)} aria-label={`${t("plan.edit")}: ${label}`}>
            {t("plan.edit")}
          </button>
        </>
      ) : (
        <form onSubmit={save}>
          {scored && (
            <label>
              {t("plan.score")}
              <ScoreSelect name="score" value={score} onChange={setScore} />
            </label>
          )}
          <label>
            {t("plan.situation")}
            <textarea name="situation" maxLength={5000} value={situation} onInput={(e) => setSituation(e.currentTarget.value)} />
          </label>
          <label>
            {t("plan.goal")}
            <textarea name="goal" maxLength={5000} value={goal} onInput={(e) => setGoal(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("plan.save")}</button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setEditing(false);
              onDone();
            }}
          >
            {t("plan.cancel")}
          </button>
          <ErrorLine message={error} />
        </form>
      )}
    </div>
  );
}
