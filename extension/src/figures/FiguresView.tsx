import type { Figures } from "@naast/shared";
import { calendarToday } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { offerDownload } from "../consent/statement.ts";
import { LanguageContext, useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import type { Session } from "../storage/db.ts";
import { createApi } from "../sync/api.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { FlowsChart } from "./FlowsChart.tsx";
import { figuresCsvFor, figuresFileName, figuresPdf, linesFor } from "./figures-document.ts";
import { initialChoice, type PeriodChoice, periodOf } from "./period-choice.ts";

/**
 * The municipality's figures (issue 16) for the roles that may ask for them: a period, then the
 * tables, the flows per quarter, and the same as CSV and PDF. Asked from the server each time
 * (online only): the figures are computed there, over every client, and never kept on a device.
 */
export function FiguresView({ session }: { session: Session }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const [choice, setChoice] = useState<PeriodChoice>(() => initialChoice(calendarToday()));
  const [figures, setFigures] = useState<Figures | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const period = periodOf(choice);
  const set = (change: Partial<PeriodChoice>) => setChoice({ ...choice, ...change });

  const show = async (e: Event) => {
    e.preventDefault();
    if (!period) return;
    setBusy(true);
    try {
      setFigures(await createApi(session.serverUrl, session.token).figures.read.mutate(period));
      setError(null);
    } catch (failure) {
      setError(describeRefusal(t, refusalOf(failure)));
    } finally {
      setBusy(false);
    }
  };

  const lines = figures ? linesFor(language, figures) : [];
  const sections = [...new Set(lines.map(([section]) => section))];
  const thisYear = new Date().getFullYear();
  return (
    <section class="card figures" aria-labelledby="figures-title" data-testid="figures">
      <h2 id="figures-title">{t("figures.title")}</h2>
      <p class="hint">{t("figures.explain")}</p>
      <form onSubmit={(e) => void show(e)} data-testid="figures-period">
        <fieldset>
          <legend>{t("figures.choosePeriod")}</legend>
          {(["year", "quarter", "range"] as const).map((kind) => (
            <label class="inline" key={kind}>
              <input type="radio" name="figures-period-kind" value={kind} checked={choice.kind === kind} onChange={() => set({ kind })} />{" "}
              {t(`figures.periodKind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {choice.kind !== "range" && (
          <label>
            {t("figures.year")}
            <select name="figures-year" value={choice.year} onChange={(e) => set({ year: Number(e.currentTarget.value) })}>
              {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.kind === "quarter" && (
          <label>
            {t("figures.quarter")}
            <select name="figures-quarter" value={choice.quarter} onChange={(e) => set({ quarter: Number(e.currentTarget.value) as PeriodChoice["quarter"] })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Q{q}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.kind === "range" && (
          <>
            <label>
              {t("figures.from")}
              <input type="date" name="figures-from" value={choice.from} onInput={(e) => set({ from: e.currentTarget.value })} />
            </label>
            <label>
              {t("figures.to")}
              <input type="date" name="figures-to" value={choice.to} onInput={(e) => set({ to: e.currentTarget.value })} />
            </label>
          </>
        )}
        <button type="submit" disabled={busy || !period}>
          {busy ? t("figures.busy") : t("figures.show")}
        </button>
      </form>
      <ErrorLine message={error} />
      {figures && (
        <div data-testid="figures-result">
          <p>
            <button
              type="button"
              class="secondary"
              onClick={() => offerDownload(figuresCsvFor(language, figures), figuresFileName(figures, "csv"), "text/csv;charset=utf-8")}
            >
              {t("figures.csv")}
            </button>{" "}
            <button
              type="button"
              class="secondary"
              onClick={() => void figuresPdf(language, figures).then((pdf) => offerDownload(pdf, figuresFileName(figures, "pdf")))}
            >
              {t("figures.pdf")}
            </button>
          </p>
          <FlowsChart flows={figures.flows} />
          {figures.escalations === null && <p class="hint">{t("figures.noEscalations")}</p>}
          {sections.map((section) => (
            <table class="figures-table" key={section}>
              <caption>{section}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("figures.header.item")}</th>
                  <th scope="col">{t("figures.header.value")}</th>
                </tr>
              </thead>
              <tbody>
                {lines
                  .filter(([s]) => s === section)
                  .map(([, item, value]) => (
                    <tr key={item}>
                      <th scope="row">{item}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </section>
  );
}
