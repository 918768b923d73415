import { accessibleCategories, type ToDoTarget, whyHidden } from "@naast/shared";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { AgreementsSection } from "../agreements/AgreementsSection.tsx";
import { AtAGlance } from "../client/AtAGlance.tsx";
import { ClientStatusControl } from "../client/ClientStatusControl.tsx";
import { ConsentSection } from "../consent/ConsentSection.tsx";
import { ContactsSection } from "../contacts/ContactsSection.tsx";
import { type EscalationPrefill, EscalationSection } from "../escalation/EscalationSection.tsx";
import { FlexbudgetSection } from "../flexbudget/FlexbudgetSection.tsx";
import { HandoverSection } from "../handover/HandoverSection.tsx";
import { HistorySection } from "../history/HistorySection.tsx";
import { useFocusOnShow } from "../hooks/use-focus-on-show.ts";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import { useFocusSection } from "../overview/focus-section.ts";
import { PlanSection } from "../plan/PlanSection.tsx";
import { loadClientView, loadDirectory, loadYearFigures } from "../records/queries.ts";
import { AccessReportSection } from "../rights/AccessReportSection.tsx";
import { ClientExportSection } from "../rights/ClientExportSection.tsx";
import { db, type Session } from "../storage/db.ts";
import { TimeoutSection } from "../timeout/TimeoutSection.tsx";
import { shownNow } from "./shown-now.ts";

/** `focus`: the section to open at (an item of Te doen is about it). */
export function ClientView({ clientId, session, focus }: { clientId: string; session: Session; focus?: ToDoTarget | null }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const stored = useLiveQuery(() => loadClientView(db, clientId), [clientId]);
  const directory = useLiveQuery(() => loadDirectory(db), []);
  const year = new Date().getFullYear();
  const figures = useLiveQuery(() => loadYearFigures(db, year), [year]);
  // A handover to an organisation the consent does not cover asks for that consent first.
  const [consentRequests, setConsentRequests] = useState(0);
  // An overdue afspraak the holder chose to escalate: the Opschalen form opens with it.
  const [escalateFrom, setEscalateFrom] = useState<EscalationPrefill | null>(null);
  // Whether "Meer" is unfolded: kept while the panel is open, from one client to the next.
  const [moreOpen, setMoreOpen] = useState(() => sessionStorage.getItem("naast.more") === "open");
  useEffect(() => sessionStorage.setItem("naast.more", moreOpen ? "open" : "closed"), [moreOpen]);
  // A new client (after sign-in, or the EPD moved on): her name is the step's heading.
  const heading = useFocusOnShow<HTMLHeadingElement>(stored && directory && figures ? clientId : null);
  const article = useRef<HTMLElement>(null);
  useFocusSection(article, focus, Boolean(stored && directory && figures));
  if (!stored || !directory || !figures) return <p class="card hint">{t("context.loading")}</p>;

  const now = new Date().toISOString();
  const accessible = accessibleCategories(session.user, stored.client, stored.consentEvents, now);
  if (accessible.size === 0) {
    const { reason, since } = whyHidden(session.user, stored.client, stored.consentEvents, now);
    return (
      <section class="card hidden-client" data-testid="not-shared">
        <h2>{t("hidden.title")}</h2>
        <p>{t(`hidden.${reason}` as "hidden.no-consent", { since: since ? formatDay(language, since) : "" })}</p>
      </section>
    );
  }
  const view = shownNow(stored, accessible);
  const { client } = view;
  const responsible = directory.people.get(client.responsibleUserId);
  const readOnly = [...accessible.values()].find((d) => d.basis === "handover");
  return (
    <article class="client" data-testid="client-view" data-client-id={client.id} ref={article}>
      <header class="card">
        <h1 ref={heading} tabIndex={-1}>
          {client.alias} <small>{t("client.born", { year: client.birthYear })}</small>
        </h1>
        <p>
          {t("client.responsible", {
            name: responsible?.name ?? "?",
            organisation: directory.organisations.get(client.ownerOrganisationId)?.shortName ?? "?",
          })}{" "}
          · {t(`client.status.${client.status}`)}
        </p>
        <ClientStatusControl client={client} user={session.user} consents={view.consentEvents} />
        {client.closure && (
          <p class="warning" data-testid="closed-sharing-ends">
            {t("client.closedSharingEnds", { closed: formatDay(language, client.closure.closedAt), until: formatDay(language, client.closure.sharingEndsAt) })}
          </p>
        )}
        {readOnly?.basis === "handover" && (
          <p class="warning" data-testid="read-only">
            {t("handover.readOnlyUntil", { date: formatDay(language, readOnly.until) })}
          </p>
        )}
      </header>
      <AtAGlance view={view} directory={directory} notesShared={accessible.has("notes")} />
      {/* Read-only after a handover: a disabled fieldset disables every control inside it. */}
      <fieldset class="sections" disabled={readOnly?.basis === "handover"}>
        <PlanSection view={view} accessible={accessible} />
        <AgreementsSection view={view} directory={directory} accessible={accessible} onEscalate={setEscalateFrom} />
      </fieldset>
      <fieldset class="sections" disabled={readOnly?.basis === "handover"}>
        <EscalationSection view={view} directory={directory} session={session} prefill={escalateFrom} />
      </fieldset>
      <ConsentSection view={view} directory={directory} session={session} recordRequests={consentRequests} />
      <fieldset class="sections" disabled={readOnly?.basis === "handover"}>
        <ContactsSection view={view} directory={directory} accessible={accessible} />
      </fieldset>
      <HandoverSection view={view} directory={directory} session={session} onRecordConsent={() => setConsentRequests((n) => n + 1)} />
      <HistorySection view={view} directory={directory} accessible={accessible} />
      {/* Less used between two contacts: folded, so the Tab path through the view stays short. */}
      <details class="more" data-testid="more-sections" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{t("client.more")}</summary>
        <fieldset class="sections" disabled={readOnly?.basis === "handover"}>
          <FlexbudgetSection view={view} directory={directory} accessible={accessible} session={session} figures={figures} />
          <TimeoutSection view={view} accessible={accessible} session={session} figures={figures} />
        </fieldset>
        {/* The client's rights under the AVG: the holder asks on her behalf. */}
        {view.client.ownerOrganisationId === session.user.organisationId && (
          <>
            <AccessReportSection view={view} session={session} />
            <ClientExportSection view={view} session={session} directory={directory} />
          </>
        )}
      </details>
    </article>
  );
}
