import { type AgreementDecision, type HandoverKind, type HandoverSection, handoverKinds, type LifeDomain, type RecordOf } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { categoryLabel, useT } from "../i18n/index.ts";
import { type ClientView, colleagueName, type Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { ScoreSelect } from "../ui/ScoreSelect.tsx";
import {
  checkHandoverDraft,
  decisionOf,
  type HandoverDraft,
  handoverArgs,
  maySectionBeAbout,
  newHandoverDraft,
  ownerChoices,
  receiverChoices,
} from "./draft.ts";
import { NetworkFields } from "./NetworkFields.tsx";
import { SectionDomainSelect } from "./SectionDomainSelect.tsx";

type DomainDraft = HandoverDraft["domains"][number];

/**
 * A structured, warm handover: where to, the situation per life domain (prefilled from the plan),
 * risks, what works, the network, and what happens to each open agreement. What it derives from
 * the draft (who may receive, what is withheld, what is sent) lives in draft.ts.
 */
export function StartHandoverForm({
  view,
  directory,
  session,
  correcting,
  onRecordConsent,
  onDone,
}: {
  view: ClientView;
  directory: Directory;
  session: Session;
  /** The open handover this one corrects, prefilled from it. */
  correcting: RecordOf<"handovers"> | null;
  onRecordConsent(): void;
  onDone(): void;
}) {
  const t = useT();
  const { run, error } = useMutate();
  const [draft, setDraft] = useState<HandoverDraft>(() => newHandoverDraft(view, correcting));
  const update = (patch: Partial<HandoverDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { kind, toUserId, toOrganisationId, toExternal, domains, risks, whatWorks, network, text, sectionDomains } = draft;
  const people = [...directory.people.values()];
  const openAgreements = view.agreements.filter((a) => a.status === "open");
  const now = new Date().toISOString();
  const checks = checkHandoverDraft(draft, view, directory, now);
  const { within, receivingOrganisation, consentMissing, withheld } = checks;
  const mayShare = maySectionBeAbout(checks, view, now);
  const otherOrganisations = [...directory.organisations.values()].filter((o) => o.id !== view.client.ownerOrganisationId);
  const setSectionDomain = (section: HandoverSection) => (domain: LifeDomain | null) => update({ sectionDomains: { ...sectionDomains, [section]: domain } });
  const setDecision = (decision: AgreementDecision) => update({ decisions: new Map(draft.decisions).set(decision.agreementId, decision) });
  const setDomain = (index: number, patch: Partial<DomainDraft>) => update({ domains: domains.map((d, i) => (i === index ? { ...d, ...patch } : d)) });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (consentMissing) return;
    const args = handoverArgs(
      draft,
      checks,
      view.client.id,
      openAgreements.map((a) => a.id),
      crypto.randomUUID(),
      correcting?.id ?? null,
    );
    if (await run("startHandover", args)) onDone();
  };

  return (
    <form class="handover-flow" onSubmit={submit} aria-labelledby="handover-form-title">
      <h3 id="handover-form-title">{correcting ? t("handover.correct") : t("handover.start")}</h3>
      <label>
        {t("handover.kind")}
        <select name="handover-kind" value={kind} onChange={(e) => update({ kind: e.currentTarget.value as HandoverKind })}>
          {handoverKinds.map((k) => (
            <option key={k} value={k}>
              {t(`handover.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === "organisation" && (
        <label>
          {t("handover.toOrganisation")}
          <select
            name="handover-to-organisation"
            required
            value={toOrganisationId}
            onChange={(e) => update({ toOrganisationId: e.currentTarget.value, toUserId: "" })}
          >
            <option value="" />
            {otherOrganisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {within && (
        <label>
          {kind === "organisation" ? t("handover.toPersonOptional") : t("handover.toPerson")}
          <select name="handover-to-person" required={kind !== "organisation"} value={toUserId} onChange={(e) => update({ toUserId: e.currentTarget.value })}>
            <option value="">{kind === "organisation" ? t("handover.anyoneOf") : ""}</option>
            {receiverChoices(draft, people, session.user).map((p) => (
              <option key={p.id} value={p.id}>
                {colleagueName(directory, p.id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!within && kind !== "closure" && (
        <label>
          {t("handover.toExternal")}
          <input name="handover-to-external" required maxLength={200} value={toExternal} onInput={(e) => update({ toExternal: e.currentTarget.value })} />
        </label>
      )}
      {!within && <p class="hint">{t("handover.leavingHint")}</p>}
      {consentMissing && receivingOrganisation && (
        <div class="error" role="alert" data-testid="handover-consent-missing">
          <p>{t("handover.consentMissing", { organisation: directory.organisations.get(receivingOrganisation)?.name ?? receivingOrganisation })}</p>
          <button type="button" onClick={onRecordConsent}>
            {t("consent.record")}
          </button>
        </div>
      )}

      <fieldset>
        <legend>{t("handover.situation")}</legend>
        {domains.length === 0 && <p class="hint">{t("plan.empty")}</p>}
        {withheld.length > 0 && receivingOrganisation && (
          <p class="hint" data-testid="handover-domains-withheld">
            {t("handover.domainsWithheld", {
              organisation: directory.organisations.get(receivingOrganisation)?.name ?? receivingOrganisation,
              domains: withheld.map((d) => categoryLabel(t, d)).join(", "),
            })}
          </p>
        )}
        {domains.map((d, index) =>
          withheld.includes(d.domain) ? null : (
            <div key={d.domain} class="handover-domain">
              <label>
                {categoryLabel(t, d.domain)} — {t("plan.score")}
                <ScoreSelect
                  name={`handover-score-${d.domain}`}
                  value={d.score === null ? "" : String(d.score)}
                  onChange={(v) => setDomain(index, { score: v ? Number(v) : null })}
                />
              </label>
              <label>
                {t("plan.situation")}: {categoryLabel(t, d.domain)}
                <textarea
                  name={`handover-situation-${d.domain}`}
                  maxLength={5000}
                  value={d.situation}
                  onInput={(e) => setDomain(index, { situation: e.currentTarget.value })}
                />
              </label>
            </div>
          ),
        )}
      </fieldset>
      {!mayShare(null) && <p class="hint">{t("handover.sectionsNeedDomain")}</p>}
      <label>
        {t("handover.risks")}
        <textarea name="handover-risks" maxLength={5000} value={risks} onInput={(e) => update({ risks: e.currentTarget.value })} />
      </label>
      <SectionDomainSelect name="handover-risks-domain" value={sectionDomains.risks} mayShare={mayShare} onChange={setSectionDomain("risks")} />
      <label>
        {t("handover.whatWorks")}
        <textarea name="handover-what-works" maxLength={5000} value={whatWorks} onInput={(e) => update({ whatWorks: e.currentTarget.value })} />
      </label>
      <SectionDomainSelect name="handover-what-works-domain" value={sectionDomains.whatWorks} mayShare={mayShare} onChange={setSectionDomain("whatWorks")} />
      <NetworkFields network={network} onChange={(next) => update({ network: next })} />

      {openAgreements.length > 0 && (
        <fieldset>
          <legend>{t("handover.agreements")}</legend>
          {openAgreements.map((a) => {
            const decision = decisionOf(draft, a.id);
            return (
              <div key={a.id} class="handover-agreement" data-testid="handover-agreement">
                <p>{a.text}</p>
                <label class="inline">
                  <span class="visually-hidden">{a.text}</span>
                  <select
                    name="handover-agreement-action"
                    value={decision.action}
                    onChange={(e) => {
                      const action = e.currentTarget.value;
                      setDecision(
                        action === "carry"
                          ? { agreementId: a.id, action: "carry", newOwnerUserId: "" }
                          : { agreementId: a.id, action: action === "done" ? "done" : "cancelled" },
                      );
                    }}
                  >
                    <option value="carry">{t("handover.carry")}</option>
                    <option value="done">{t("handover.closeDone")}</option>
                    <option value="cancelled">{t("handover.closeCancelled")}</option>
                  </select>
                </label>
                {decision.action === "carry" && (
                  <label class="inline">
                    {t("handover.newOwner")}
                    <select
                      name="handover-agreement-owner"
                      required
                      value={decision.newOwnerUserId}
                      onChange={(e) => setDecision({ agreementId: a.id, action: "carry", newOwnerUserId: e.currentTarget.value })}
                    >
                      <option value="" />
                      {ownerChoices(people, view, checks, now, a.domain).map((p) => (
                        <option key={p.id} value={p.id}>
                          {colleagueName(directory, p.id)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      <label>
        {t("handover.text")}
        <textarea name="handover-text" maxLength={20000} value={text} onInput={(e) => update({ text: e.currentTarget.value })} />
      </label>
      <SectionDomainSelect name="handover-text-domain" value={sectionDomains.text} mayShare={mayShare} onChange={setSectionDomain("text")} />
      <button type="submit" disabled={consentMissing}>
        {within ? t("handover.send") : t("handover.sendLeaving")}
      </button>
      <button type="button" class="secondary" onClick={onDone}>
        {t("plan.cancel")}
      </button>
      <ErrorLine message={error} />
    </form>
  );
}
