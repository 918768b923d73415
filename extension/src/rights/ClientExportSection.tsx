import type { ClientExport } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { offerDownload } from "../consent/statement.ts";
import { LanguageContext, useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import { ErrorLine } from "../panel/ErrorLine.tsx";
import type { ClientView, Directory } from "../panel/queries.ts";
import type { Session } from "../storage/db.ts";
import { createApi } from "../sync/api.ts";
import { clientExportPdf } from "./export-pdf.ts";

/** For the holder: everything Naast holds about the client, as JSON and as a readable PDF (AVG art. 15/20); each request is audited. */
export function ClientExportSection({ view, session, directory }: { view: ClientView; session: Session; directory: Directory }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (id: string) => directory.people.get(id)?.name ?? directory.organisations.get(id)?.name ?? id;
  const fetchExport = async (): Promise<ClientExport | null> => {
    setBusy(true);
    try {
      const answer = await createApi(session.serverUrl, session.token).rights.export.mutate({ clientId: view.client.id });
      setError(null);
      return answer;
    } catch (e) {
      setError(describeRefusal(t, refusalOf(e)));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const name = (ext: string, data: ClientExport) => `gegevens-${view.client.alias}-${data.generatedAt.slice(0, 10)}.${ext}`;

  return (
    <section class="card client-export" aria-labelledby="client-export-title" data-testid="client-export">
      <h2 id="client-export-title">{t("clientExport.title")}</h2>
      <p class="hint">{t("clientExport.intro")}</p>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={async () => {
          const data = await fetchExport();
          if (data) offerDownload(JSON.stringify(data, null, 2), name("json", data), "application/json");
        }}
      >
        {t("clientExport.json")}
      </button>{" "}
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={async () => {
          const data = await fetchExport();
          if (data) offerDownload(await clientExportPdf(language, data, nameOf), name("pdf", data));
        }}
      >
        {t("clientExport.pdf")}
      </button>
      <ErrorLine message={error} />
    </section>
  );
}
