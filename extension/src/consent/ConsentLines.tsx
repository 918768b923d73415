import type { Client, ConsentState } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { consentSentence } from "./consent-sentence.ts";
import { consentStatementPdf, offerDownload } from "./statement.ts";
import { WithdrawConsentForm } from "./WithdrawConsentForm.tsx";
import { isWithdrawable, statementFileName, warnsOfEnd } from "./who-sees.ts";

/** Each consent as a sentence, a warning when it ends soon, its statement for the client, and withdrawing it (one form at a time). */
export function ConsentLines({
  client,
  states,
  directory,
  isHolder,
  mayWithdraw,
  now,
}: {
  client: Client;
  states: readonly ConsentState[];
  directory: Directory;
  isHolder: boolean;
  mayWithdraw: boolean;
  now: string;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const organisationName = (id: string) => directory.organisations.get(id)?.shortName ?? id;
  const statement = async (state: ConsentState) => {
    const bytes = await consentStatementPdf(language, client, state, directory);
    offerDownload(bytes, statementFileName(client, state));
  };
  return (
    <ul>
      {states.map((state) => {
        const id = state.consent.consentId;
        return (
          <li key={id} class={`consent-${state.status}`} data-testid="consent-line">
            <span class="badge">{t(`consent.status.${state.status}`)}</span> {consentSentence(t, language, state, organisationName)}
            {warnsOfEnd(state, isHolder, now) && <p class="warning">{t("consent.expiresSoon", { until: formatDay(language, state.consent.validUntil) })}</p>}
            <div>
              <button type="button" class="secondary" onClick={() => void statement(state)}>
                {t("consent.statement")}
              </button>
              {isWithdrawable(state) && mayWithdraw && withdrawing !== id && (
                <button type="button" class="secondary" onClick={() => setWithdrawing(id)}>
                  {t("consent.withdraw")}
                </button>
              )}
            </div>
            {withdrawing === id && <WithdrawConsentForm state={state} directory={directory} onDone={() => setWithdrawing(null)} />}
          </li>
        );
      })}
    </ul>
  );
}
