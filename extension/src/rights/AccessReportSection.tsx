import type { AccessReport } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { offerDownload } from "../consent/statement.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { accessReportPdf, describeDay, reportDays } from "./describe-access.ts";
import { useHolderRequest } from "./use-holder-request.ts";

/**
 * Inzage for the holder: who read or changed what of the client, when, on which basis, from the
 * server's audit log (asked for online; the request is audited), and a PDF for the client.
 */
export function AccessReportSection({ view, session }: { view: ClientView; session: Session }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const [report, setReport] = useState<AccessReport | null>(null);
  const { ask, busy, error } = useHolderRequest(session);
  const fetchReport = async () => {
    const answer = await ask((api) => api.rights.accessReport.mutate({ clientId: view.client.id }));
    if (answer) setReport(answer);
    return answer;
  };
  const pdf = async () => {
    const current = report ?? (await fetchReport());
    if (!current) return;
    offerDownload(await accessReportPdf(language, current), `inzage-${view.client.alias}-${current.generatedAt.slice(0, 10)}.pdf`);
  };

  return (
    <section class="card access-report" aria-labelledby="access-report-title" data-testid="access-report">
      <h2 id="access-report-title">{t("rights.title")}</h2>
      <p class="hint">{t("rights.intro")}</p>
      <button type="button" class="secondary" disabled={busy} onClick={() => void fetchReport()}>
        {t("rights.show")}
      </button>{" "}
      <button type="button" class="secondary" disabled={busy} onClick={() => void pdf()}>
        {t("rights.pdf")}
      </button>
      <ErrorLine message={error} />
      {report && (
        <div data-testid="access-report-days">
          {reportDays(report).map(({ day, lines }) => (
            <div key={day}>
              <h3>{formatDay(language, day)}</h3>
              <ul>
                {lines.map((line) => (
                  <li key={`${line.kind}|${line.personName}|${line.organisationName}|${line.basis}|${line.outcome}`} data-testid="access-line">
                    {describeDay(t, line)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
