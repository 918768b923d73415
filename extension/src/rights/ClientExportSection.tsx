import type { ClientExport } from "@naast/shared";
import { useContext } from "preact/hooks";
import { offerDownload } from "../consent/statement.ts";
import { LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { clientExportPdf } from "./export-pdf.ts";
import { useHolderRequest } from "./use-holder-request.ts";

/** For the holder: everything Naast holds about the client, as JSON and as a readable PDF (AVG art. 15/20); each request is audited. */
export function ClientExportSection({ view, session, directory }: { view: ClientView; session: Session; directory: Directory }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { ask, busy, error } = useHolderRequest(session);
  const nameOf = (id: string) => directory.people.get(id)?.name ?? directory.organisations.get(id)?.name ?? id;
  /** Asks for the export and offers it as a file made by `file`. */
  const download = async (ext: "json" | "pdf", file: (data: ClientExport) => Promise<Uint8Array | string>, type?: string) => {
    const data = await ask((api) => api.rights.export.mutate({ clientId: view.client.id }));
    if (data) offerDownload(await file(data), `gegevens-${view.client.alias}-${data.generatedAt.slice(0, 10)}.${ext}`, type);
  };

  return (
    <section class="card client-export" aria-labelledby="client-export-title" data-testid="client-export">
      <h2 id="client-export-title">{t("clientExport.title")}</h2>
      <p class="hint">{t("clientExport.intro")}</p>
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={() => void download("json", async (data) => JSON.stringify(data, null, 2), "application/json")}
      >
        {t("clientExport.json")}
      </button>{" "}
      <button type="button" class="secondary" disabled={busy} onClick={() => void download("pdf", (data) => clientExportPdf(language, data, nameOf))}>
        {t("clientExport.pdf")}
      </button>
      <ErrorLine message={error} />
    </section>
  );
}
