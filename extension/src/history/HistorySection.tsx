import { type AccessDecision, type DataCategory, zrmDomains } from "@naast/shared";
import { useContext } from "preact/hooks";
import { categoryLabel, formatDay, formatEuros, LanguageContext, useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { zrmLevelKey } from "../ui/ScoreSelect.tsx";
import { registerHistory } from "./registers.ts";
import { position, zrmTrajectory } from "./trajectory.ts";

const width = 220;
const height = 44;
const y = (score: number) => 4 + ((5 - score) / 4) * (height - 8);

/**
 * Her history: the ZRM trajectory per life domain (a small SVG per domain; the table beside it
 * says the same in words for a screen reader, each score with its level's name) and the afspraken
 * that were done or cancelled, and what the flexbudget and the time-out did for her (each only when
 * her consent lets this organisation see it). All contacts are in Contacten, paged.
 */
export function HistorySection({ view, directory, accessible }: { view: ClientView; directory: Directory; accessible: Map<DataCategory, AccessDecision> }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const trajectory = zrmTrajectory(view.zrmScores, zrmDomains);
  const days = trajectory.flatMap((d) => d.points.map((p) => p.day)).sort();
  const first = days[0] ?? "";
  const last = days.at(-1) ?? "";
  const closed = view.agreements.filter((a) => a.status !== "open").sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? ""));
  return (
    <section class="card history" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t("history.title")}</h2>
      <h3>{t("history.zrm")}</h3>
      {trajectory.length === 0 ? (
        <p class="hint">{t("history.noScores")}</p>
      ) : (
        <>
          {/* The picture for the eye; the table below is the same for a screen reader. */}
          <ul class="trajectory" aria-hidden="true">
            {trajectory.map(({ domain, points }) => {
              const coords = points.map((p) => `${(4 + position(p.day, first, last) * (width - 8)).toFixed(1)},${y(p.score).toFixed(1)}`);
              const latest = points.at(-1);
              return (
                <li key={domain}>
                  <span class="meta">{categoryLabel(t, domain)}</span>
                  <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false" aria-hidden="true">
                    {[1, 3, 5].map((s) => (
                      <line key={s} x1={0} x2={width} y1={y(s)} y2={y(s)} class="gridline" />
                    ))}
                    <polyline points={coords.join(" ")} class="line" />
                    {coords.map((c, i) => {
                      const [cx, cy] = c.split(",");
                      return <circle key={points[i]?.day} cx={cx} cy={cy} r={3} class={`dot score-${points[i]?.score}`} />;
                    })}
                  </svg>
                  {latest && (
                    <span class="meta">
                      {latest.score} – {t(zrmLevelKey(latest.score))}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {/* The wrapper hides it: a table grows past a width of 1px, and would widen the panel. */}
          <div class="visually-hidden">
            <table data-testid="zrm-table">
              <caption>{t("history.zrmTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("history.domain")}</th>
                  <th scope="col">{t("history.date")}</th>
                  <th scope="col">{t("history.score")}</th>
                </tr>
              </thead>
              <tbody>
                {trajectory.flatMap(({ domain, points }) =>
                  points.map((p) => (
                    <tr key={`${domain}-${p.day}`}>
                      <th scope="row">{categoryLabel(t, domain)}</th>
                      <td>{formatDay(language, p.day)}</td>
                      <td>{t("history.scoreValue", { score: p.score, level: t(zrmLevelKey(p.score)) })}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>{t("history.closedAgreements")}</h3>
      {!accessible.has("agreements") ? (
        <p class="hint">{t("agreements.notShared")}</p>
      ) : closed.length === 0 ? (
        <p class="hint">{t("history.noClosedAgreements")}</p>
      ) : (
        <ul>
          {closed.map((a) => (
            <li key={a.id} data-testid="closed-agreement">
              {a.text}{" "}
              <span class="meta">
                {a.status === "done"
                  ? t("history.done", { date: formatDay(language, a.closedAt ?? a.dueDate), name: directory.people.get(a.closedBy ?? "")?.name ?? "?" })
                  : t("history.cancelled", { date: formatDay(language, a.closedAt ?? a.dueDate), reason: a.cancelReason ?? "" })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <RegistersHistory view={view} accessible={accessible} />
    </section>
  );
}

/** Stays that ended and money spent on her, newest first: the two registers' part of her history. */
function RegistersHistory({ view, accessible }: { view: ClientView; accessible: Map<DataCategory, AccessDecision> }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const mayFlex = accessible.has("flexbudget");
  const mayTimeout = accessible.has("timeout");
  if (!mayFlex && !mayTimeout) return null;
  const lines = registerHistory(mayFlex ? view.flexbudgetEntries : [], mayTimeout ? view.timeoutEvents : []);
  return (
    <>
      <h3>{t("history.registers")}</h3>
      {lines.length === 0 ? (
        <p class="hint">{t("history.noRegisters")}</p>
      ) : (
        <ul>
          {lines.map((line) =>
            line.kind === "stay" ? (
              <li key={line.id} data-testid="history-stay">
                {t("history.stay", {
                  from: formatDay(language, line.from),
                  until: formatDay(language, line.until),
                  nights: line.nights,
                  location: line.location ?? "none",
                })}{" "}
                <span class="meta">{formatEuros(language, line.costCents)}</span>
              </li>
            ) : (
              <li key={line.id} data-testid="history-expense" data-status={line.state.status}>
                {t("history.expense", { date: formatDay(language, line.day), purpose: t(`flexbudget.purpose.${line.state.expense.purpose}` as MessageKey) })}{" "}
                <span class="meta">
                  {formatEuros(language, line.state.expense.amountCents)}
                  {line.state.status === "reversed" && ` · ${t("flexbudget.status.reversed")}`}
                </span>
              </li>
            ),
          )}
        </ul>
      )}
    </>
  );
}
