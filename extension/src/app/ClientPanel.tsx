import { useContext } from "preact/hooks";
import { LinkClient } from "../client/LinkClient.tsx";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { TabContext } from "../messaging/protocol.ts";
import { loadLinkedClient } from "../records/queries.ts";
import { shareLinkedClient } from "../records/share.ts";
import { db, type Session } from "../storage/db.ts";
import { ClientView } from "./ClientView.tsx";

/** From "which EPD client is open" to what the panel can show of her, with a clear state for each case. */
export function ClientPanel({ context, session }: { context: TabContext | null; session: Session }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const epdClientId = context?.epdClientId ?? null;
  // Who she is and, when visible, her records in one read: the view renders with them at once.
  const linked = useLiveQuery(
    () => (epdClientId ? loadLinkedClient(db, session.user.organisationId, epdClientId) : null),
    [epdClientId, session.user.organisationId],
    shareLinkedClient,
  );

  if (!context) return <p class="card hint">{t("context.noPortal")}</p>;
  if (!epdClientId) return <p class="card hint">{t("context.noClient", { portal: context.portalName })}</p>;
  if (linked === undefined) return <p class="card hint">{t("context.loading")}</p>;
  if (linked === null) return <LinkClient epdClientId={epdClientId} />;
  if (linked.view === null) {
    const { link } = linked;
    if (link.kind === "unlinked") return <LinkClient epdClientId={epdClientId} />;
    const since = link.since ? formatDay(language, link.since) : "";
    return (
      <section class="card hidden-client" data-testid="not-shared">
        <h2>{t("hidden.title")}</h2>
        <p>{t(`hidden.${link.reason}` as "hidden.no-consent", { since })}</p>
      </section>
    );
  }
  return <ClientView clientId={linked.link.clientId} session={session} records={linked.view} />;
}
