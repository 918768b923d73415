import type { CountCell, Figures } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";

const series = [
  ["instroom", "figures.instroom"],
  ["uitstroom", "figures.uitstroom"],
  ["handovers", "figures.handovers"],
] as const satisfies readonly (readonly [keyof Omit<Figures["flows"], "quarters">, MessageKey])[];

/**
 * Instroom, uitstroom and handovers per quarter as bars. Each bar carries its value as text, so
 * the chart reads without seeing it; a hidden cell ("<5", "x") is a short hatched bar.
 */
export function FlowsChart({ flows }: { flows: Figures["flows"] }) {
  const t = useT();
  const numbers = series.flatMap(([key]) => flows[key]).filter((c): c is number => typeof c === "number");
  const largest = Math.max(5, ...numbers);
  const width = (c: CountCell) => (typeof c === "number" ? (100 * c) / largest : (100 * 4) / largest);
  return (
    <figure class="flows-chart" data-testid="flows-chart">
      <figcaption>{t("figures.chart")}</figcaption>
      {flows.quarters.map((quarter, i) => (
        <div class="flows-quarter" key={quarter}>
          <h3>{quarter}</h3>
          <ul>
            {series.map(([key, label]) => {
              const cell = flows[key][i] ?? 0;
              return (
                <li key={key} class={`flows-bar flows-${key}`}>
                  <span class="flows-label">{t(label)}</span>
                  <span class={typeof cell === "number" ? "bar" : "bar hidden-cell"} style={{ width: `${width(cell)}%` }} aria-hidden="true" />
                  <span class="flows-value">{cell}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </figure>
  );
}
