import { useEffect, useRef, useState } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { CollapsibleSection } from "../ui/CollapsibleSection.tsx";
import { ConsentConversations } from "./ConsentConversations.tsx";
import { ConsentHistory } from "./ConsentHistory.tsx";
import { ConsentLines } from "./ConsentLines.tsx";
import { ReadOnlyHolders } from "./ReadOnlyHolders.tsx";
import { RecordConsentForm } from "./RecordConsentForm.tsx";
import { whoSees } from "./who-sees.ts";

/**
 * Who may see what, until when, for everyone who works with the client; recording (by the
 * organisation that holds her) and withdrawing (by any of her case managers) start here.
 */
export function ConsentSection({
  view,
  directory,
  session,
  recordRequests = 0,
}: {
  view: ClientView;
  directory: Directory;
  session: Session;
  recordRequests?: number;
}) {
  const t = useT();
  const now = new Date().toISOString();
  const { states, isHolder, stillReading } = whoSees(view.client, view.consentEvents, session.user.organisationId, now);
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const about = { clientId: view.client.id };
  const mayRecord = may("recordConsent", about);
  // A former holder reads for a while after a handover, but no longer withdraws for the team.
  const mayWithdraw = may("withdrawConsent", about);
  // At first contact there is no consent yet: the flow is offered straight away.
  const [recording, setRecording] = useState(mayRecord && view.consentEvents.length === 0);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Another part of the panel (a handover) asked for a consent to be recorded: open the flow there.
  useEffect(() => {
    if (recordRequests === 0 || !mayRecord) return;
    setRecording(true);
    section.current?.scrollIntoView({ block: "start" });
    section.current?.focus();
  }, [recordRequests]);
  const organisationName = (id: string) => directory.organisations.get(id)?.shortName ?? id;

  return (
    <CollapsibleSection name="consent" title={t("consent.title")} class="consent" testId="consent" sectionRef={section} headingRef={heading}>
      {states.length === 0 && <p class="hint">{t("consent.none", { owner: organisationName(view.client.ownerOrganisationId) })}</p>}
      <ReadOnlyHolders clientId={view.client.id} holders={stillReading} mayEnd={may("endReadOnlyAccess", about)} organisationName={organisationName} />
      <ConsentLines client={view.client} states={states} directory={directory} isHolder={isHolder} mayWithdraw={mayWithdraw} now={now} />
      {recording ? (
        <RecordConsentForm
          client={view.client}
          directory={directory}
          session={session}
          onDone={() => {
            setRecording(false);
            heading.current?.focus();
          }}
        />
      ) : (
        mayRecord && (
          <button type="button" onClick={() => setRecording(true)}>
            {t("consent.record")}
          </button>
        )
      )}
      {isHolder && (
        <ConsentConversations
          clientId={view.client.id}
          conversations={view.consentConversations}
          directory={directory}
          mayRecord={may("recordConsentConversation", about)}
        />
      )}
      {view.consentEvents.length > 0 && <ConsentHistory events={view.consentEvents} directory={directory} />}
    </CollapsibleSection>
  );
}
