import { type AccessDecision, accessibleCategories, type DataCategory, type ToDoTarget, whyHidden } from "@naast/shared";
import type { FunctionComponent } from "preact";
import { memo } from "preact/compat";
import { useCallback, useContext, useEffect, useRef, useState } from "preact/hooks";
import { AgreementsSection as AgreementsSectionAll } from "../agreements/AgreementsSection.tsx";
import { AtAGlance as AtAGlanceAll } from "../client/AtAGlance.tsx";
import { ClientStatusControl } from "../client/ClientStatusControl.tsx";
import { ConsentSection as ConsentSectionAll } from "../consent/ConsentSection.tsx";
import { ContactsSection as ContactsSectionAll } from "../contacts/ContactsSection.tsx";
import { type EscalationPrefill, EscalationSection as EscalationSectionAll } from "../escalation/EscalationSection.tsx";
import { FlexbudgetSection as FlexbudgetSectionAll } from "../flexbudget/FlexbudgetSection.tsx";
import { HandoverSection } from "../handover/HandoverSection.tsx";
import { HistorySection as HistorySectionAll } from "../history/HistorySection.tsx";
import { useFocusOnShow } from "../hooks/use-focus-on-show.ts";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import { useFocusSection } from "../overview/focus-section.ts";
import { PlanSection as PlanSectionAll } from "../plan/PlanSection.tsx";
import { type ClientView as ClientRecordsView, loadClientView } from "../records/queries.ts";
import { sameElements, shareClientView } from "../records/share.ts";
import { AccessReportSection as AccessReportSectionAll } from "../rights/AccessReportSection.tsx";
import { ClientExportSection as ClientExportSectionAll } from "../rights/ClientExportSection.tsx";
import { db, type Session } from "../storage/db.ts";
import { TimeoutSection as TimeoutSectionAll } from "../timeout/TimeoutSection.tsx";
import { PanelDataContext } from "./panel-data.ts";
import { shownNow } from "./shown-now.ts";

/**
 * A section that renders again only when the records it shows changed (or another of its props):
 * `reads` names the client's lists it (and everything inside it) reads. A note added re-renders
 * Contacten and "In één oogopslag", not the plan or the consent. The handover section reads
 * nearly all of the view (its export and draft), so it follows the whole view. A section that
 * starts reading another list must add it here (grep `view\.` in its folder).
 */
function section<P extends { view: ClientRecordsView }>(component: FunctionComponent<P>, reads: readonly (keyof ClientRecordsView)[]): FunctionComponent<P> {
  return memo(component, (a, b) => {
    for (const key of Object.keys(a) as (keyof P)[]) if (key !== "view" && a[key] !== b[key]) return false;
    return reads.every((list) => a.view[list] === b.view[list]);
  });
}
const AtAGlance = section(AtAGlanceAll, ["client", "agreements", "consentEvents", "notes"]);
const PlanSection = section(PlanSectionAll, ["client", "planDomains", "zrmScores"]);
const AgreementsSection = section(AgreementsSectionAll, ["client", "agreements", "consentEvents"]);
const EscalationSection = section(EscalationSectionAll, ["client", "agreements", "consentEvents", "escalations"]);
const ConsentSection = section(ConsentSectionAll, ["client", "consentEvents", "consentConversations"]);
const ContactsSection = section(ContactsSectionAll, ["client", "notes"]);
const HistorySection = section(HistorySectionAll, ["agreements", "zrmScores", "flexbudgetEntries", "timeoutEvents"]);
const FlexbudgetSection = section(FlexbudgetSectionAll, ["client", "flexbudgetEntries"]);
const TimeoutSection = section(TimeoutSectionAll, ["client", "timeoutEvents"]);
const AccessReportSection = section(AccessReportSectionAll, ["client"]);
const ClientExportSection = section(ClientExportSectionAll, ["client"]);

type Accessible = ReturnType<typeof accessibleCategories>;

/** The previous value while the new one is equal (`same`), so memoised sections see no change. */
function useShared<T>(value: T, same: (a: T, b: T) => boolean): T {
  const kept = useRef(value);
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
}
const sameAccess = (a: Map<DataCategory, AccessDecision>, b: Map<DataCategory, AccessDecision>) =>
  a.size === b.size && JSON.stringify([...a]) === JSON.stringify([...b]);

/** The view as shown now, keeping each list of the last render whose records are all the same. */
function useSharedView(view: ClientRecordsView | null): ClientRecordsView | null {
  const kept = useRef<ClientRecordsView | null>(null);
  const before = kept.current;
  if (view === null || before === null || before.client !== view.client) {
    kept.current = view;
    return view;
  }
  const next = { ...view } as Record<keyof ClientRecordsView, unknown>;
  let changed = false;
  for (const key of Object.keys(view) as (keyof ClientRecordsView)[]) {
    const after = view[key];
    const list = Array.isArray(after) ? sameElements(before[key] as unknown[], after) : after;
    next[key] = list;
    if (list !== before[key]) changed = true;
  }
  kept.current = changed ? (next as unknown as ClientRecordsView) : before;
  return kept.current;
}

/**
 * One client's view. `records`: her records when the caller read them already (ClientPanel, with
 * the link); without, the view reads them itself. `focus`: the section to open at (an item of
 * Te doen is about it).
 */
export const ClientView = memo(function ClientView({
  clientId,
  session,
  focus,
  records,
}: {
  clientId: string;
  session: Session;
  focus?: ToDoTarget | null;
  records?: ClientRecordsView;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  // Each read again after any write it touched; an unchanged answer keeps its objects (share).
  // Her records, unless the caller read them already (then this query reads nothing).
  const own = useLiveQuery<ClientRecordsView | null | undefined>(
    () => (records ? undefined : loadClientView(db, clientId)),
    [clientId, records === undefined],
    (a, b) => (a && b ? shareClientView(a, b) : b),
  );
  const stored = records ?? own;
  const { directory, figures } = useContext(PanelDataContext);
  // A handover to an organisation the consent does not cover asks for that consent first.
  const [consentRequests, setConsentRequests] = useState(0);
  // An overdue afspraak the holder chose to escalate: the Opschalen form opens with it.
  const [escalateFrom, setEscalateFrom] = useState<EscalationPrefill | null>(null);
  // Whether "Meer" is unfolded: kept while the panel is open, from one client to the next.
  const [moreOpen, setMoreOpen] = useState(() => sessionStorage.getItem("naast.more") === "open");
  useEffect(() => sessionStorage.setItem("naast.more", moreOpen ? "open" : "closed"), [moreOpen]);
  // A new client (after sign-in, or the EPD moved on): her name is the step's heading.
  const ready = Boolean(stored && directory && figures);
  const heading = useFocusOnShow<HTMLHeadingElement>(ready ? clientId : null);
  const article = useRef<HTMLElement>(null);
  // Her header, glance and plan first; the sections below the plan follow right after that first
  // paint, so the plan does not wait on a dozen sections and their forms. Opened at a section (a
  // Te doen item), all at once: that section must be there to move to.
  const [below, setBelow] = useState(Boolean(focus));
  useEffect(() => {
    if (ready) setBelow(true);
  }, [ready]);
  useFocusSection(article, focus, ready);
  const recordConsent = useCallback(() => setConsentRequests((n) => n + 1), []);
  const now = new Date().toISOString();
  const accessible = useShared<Accessible>(stored ? accessibleCategories(session.user, stored.client, stored.consentEvents, now) : new Map(), sameAccess);
  const shown = useSharedView(stored && accessible.size > 0 ? shownNow(stored, accessible) : null);
  if (!stored || !directory || !figures) return <p class="card hint">{t("context.loading")}</p>;

  if (accessible.size === 0) {
    const { reason, since } = whyHidden(session.user, stored.client, stored.consentEvents, now);
    return (
      <section class="card hidden-client" data-testid="not-shared">
        <h2>{t("hidden.title")}</h2>
        <p>{t(`hidden.${reason}` as "hidden.no-consent", { since: since ? formatDay(language, since) : "" })}</p>
      </section>
    );
  }
  const view = shown ?? shownNow(stored, accessible);
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
        {below && <AgreementsSection view={view} directory={directory} accessible={accessible} onEscalate={setEscalateFrom} />}
      </fieldset>
      {below && (
        <>
          <fieldset class="sections" disabled={readOnly?.basis === "handover"}>
            <EscalationSection view={view} directory={directory} session={session} prefill={escalateFrom} />
          </fieldset>
          <ConsentSection view={view} directory={directory} session={session} recordRequests={consentRequests} />
          <fieldset class="sections" disabled={readOnly?.basis === "handover"}>
            <ContactsSection view={view} directory={directory} accessible={accessible} />
          </fieldset>
          <HandoverSection view={view} directory={directory} session={session} onRecordConsent={recordConsent} />
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
        </>
      )}
    </article>
  );
});
