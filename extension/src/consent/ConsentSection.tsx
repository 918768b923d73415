import { type ConsentState, deriveConsents, expiresSoon } from "@naast/shared";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { ConsentConversations } from "./ConsentConversations.tsx";
import { ConsentHistory } from "./ConsentHistory.tsx";
import { consentSentence } from "./consent-sentence.ts";
import { RecordConsentForm } from "./RecordConsentForm.tsx";
import { consentStatementPdf, describeCategories, offerDownload } from "./statement.ts";
import { WithdrawConsentForm } from "./WithdrawConsentForm.tsx";

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
  const { language } = useContext(LanguageContext);
  const now = new Date().toISOString();
  const states = deriveConsents(view.consentEvents, now);
  const isOwner = view.client.ownerOrganisationId === session.user.organisationId;
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const about = { clientId: view.client.id };
  const mayRecord = may("recordConsent", about);
  // A former holder reads for a while after a handover, but no longer withdraws for the team.
  const mayWithdraw = may("withdrawConsent", about);
  const { run, error } = useMutate();
  // After a handover the former holder reads for a while: not a consent, but who may see her.
  const stillReading = view.client.formerOwners.filter((f) => Date.parse(f.readOnlyUntil) > Date.parse(now));
  const mayEndReading = may("endReadOnlyAccess", about);
  // At first contact there is no consent yet: the flow is offered straight away.
  const [recording, setRecording] = useState(mayRecord && view.consentEvents.length === 0);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Another part of the panel (a handover) asked for a consent to be recorded: open the flow there.
  useEffect(() => {
    if (recordRequests === 0 || !mayRecord) return;
    setRecording(true);
    section.current?.scrollIntoView({ block: "start" });
    section.current?.focus();
  }, [recordRequests]);
  const orgName = (id: string) => directory.organisations.get(id)?.shortName ?? id;

  const statement = async (state: ConsentState) => {
    const bytes = await consentStatementPdf(language, view.client, state, directory);
    offerDownload(bytes, `toestemming-${view.client.alias}-${state.consent.validUntil.slice(0, 10)}.pdf`);
  };

  return (
    <section class="card consent" aria-labelledby="consent-title" data-testid="consent" ref={section} tabIndex={-1}>
      <h2 id="consent-title" ref={heading} tabIndex={-1}>
        {t("consent.title")}
      </h2>
      {states.length === 0 && <p class="hint">{t("consent.none", { owner: orgName(view.client.ownerOrganisationId) })}</p>}
      {stillReading.length > 0 && (
        <ul data-testid="read-only-holders">
          {stillReading.map((f) => (
            <li key={f.organisationId}>
              {t("consent.readOnly", { organisation: orgName(f.organisationId), until: formatDay(language, f.readOnlyUntil) })}{" "}
              {mayEndReading && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void run("endReadOnlyAccess", { clientId: view.client.id, organisationId: f.organisationId })}
                >
                  {t("consent.readOnlyEnd")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorLine message={error} />
      <ul>
        {states.map((state) => {
          const until = formatDay(language, state.consent.validUntil);
          const open = state.status === "active" || state.status === "pending";
          return (
            <li key={state.consent.consentId} class={`consent-${state.status}`} data-testid="consent-line">
              <span class="badge">{t(`consent.status.${state.status}`)}</span> {consentSentence(t, language, state, orgName)}
              {isOwner && expiresSoon(state, now) && <p class="warning">{t("consent.expiresSoon", { until })}</p>}
              <div>
                <button type="button" class="secondary" onClick={() => void statement(state)}>
                  {t("consent.statement")}
                </button>
                {open && mayWithdraw && withdrawing !== state.consent.consentId && (
                  <button type="button" class="secondary" onClick={() => setWithdrawing(state.consent.consentId)}>
                    {t("consent.withdraw")}
                  </button>
                )}
              </div>
              {withdrawing === state.consent.consentId && <WithdrawConsentForm state={state} directory={directory} onDone={() => setWithdrawing(null)} />}
            </li>
          );
        })}
      </ul>
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
      {isOwner && (
        <ConsentConversations
          clientId={view.client.id}
          conversations={view.consentConversations}
          directory={directory}
          mayRecord={may("recordConsentConversation", about)}
        />
      )}
      {view.consentEvents.length > 0 && <ConsentHistory events={view.consentEvents} directory={directory} />}
    </section>
  );
}
