import {
  type CarriedAgreement,
  caseWorkers,
  domainsNotShared,
  generalSections,
  type HandoverKind,
  type HandoverSection,
  handoverConsentCovers,
  handoverKinds,
  isWithinNaast,
  type LifeDomain,
  lifeDomains,
  mayOwnAgreements,
  type RecordOf,
  receivingRoles,
} from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { categoryLabel, useT } from "../i18n/index.ts";
import { scoreHistory } from "../plan/score-history.ts";
import { type ClientView, colleagueName, type Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { ScoreSelect } from "../ui/ScoreSelect.tsx";
import { NetworkFields } from "./NetworkFields.tsx";
import { SectionDomainSelect } from "./SectionDomainSelect.tsx";

type Contact = RecordOf<"handovers">["network"][number];
type DomainDraft = RecordOf<"handovers">["domains"][number];

const caseWorker = (p: RecordOf<"people">) => p.active && caseWorkers.includes(p.role);

/**
 * A structured, warm handover: where to, the situation per life domain (prefilled from the plan),
 * risks, what works, the network, and what happens to each open agreement.
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
  const people = [...directory.people.values()];
  const openAgreements = view.agreements.filter((a) => a.status === "open");
  const [kind, setKind] = useState<HandoverKind>(correcting?.kind ?? "organisation");
  const [toUserId, setToUserId] = useState(correcting?.toUserId ?? "");
  const [toOrganisationId, setToOrganisationId] = useState(correcting?.toOrganisationId ?? "");
  const [toExternal, setToExternal] = useState(correcting?.toExternal ?? "");
  const [domains, setDomains] = useState<DomainDraft[]>(
    correcting?.domains ??
      lifeDomains.flatMap((domain) => {
        const plan = view.planDomains.find((p) => p.domain === domain);
        const latest = scoreHistory(view.zrmScores, domain).latest;
        return plan || latest ? [{ domain, score: latest?.score ?? null, situation: plan?.situation ?? "" }] : [];
      }),
  );
  const [risks, setRisks] = useState(correcting?.risks ?? "");
  const [whatWorks, setWhatWorks] = useState(correcting?.whatWorks ?? "");
  const [network, setNetwork] = useState<Contact[]>(correcting?.network ?? []);
  const [text, setText] = useState(correcting?.text ?? "");
  const [sectionDomains, setSectionDomains] = useState<RecordOf<"handovers">["sectionDomains"]>(correcting?.sectionDomains ?? generalSections);
  const setSectionDomain = (section: HandoverSection) => (domain: LifeDomain | null) => setSectionDomains({ ...sectionDomains, [section]: domain });
  // What the sender chose per agreement; an agreement she has not touched is carried over.
  const [plans, setPlans] = useState<Map<string, CarriedAgreement>>(new Map(correcting?.agreements.map((c) => [c.agreementId, c])));
  const planOf = (agreementId: string): CarriedAgreement => plans.get(agreementId) ?? { agreementId, action: "carry", newOwnerUserId: "" };

  const within = isWithinNaast(kind);
  const receiver = toUserId ? directory.people.get(toUserId) : undefined;
  const receivingOrganisation = within ? (receiver?.organisationId ?? (toOrganisationId || null)) : null;
  const now = new Date().toISOString();
  const consentMissing = receivingOrganisation !== null && !handoverConsentCovers(view.client, view.consentEvents, receivingOrganisation, now);
  // The receiver reads the handover before she decides: it holds only domains her organisation may see.
  const withheld =
    receivingOrganisation && !consentMissing
      ? domainsNotShared(
          view.client,
          view.consentEvents,
          receivingOrganisation,
          domains.map((d) => d.domain),
          now,
        )
      : [];
  // A free-text section goes about a domain the receiver may see; "algemeen" needs the whole plan.
  const mayShare = (domain: LifeDomain | null) =>
    !receivingOrganisation || domainsNotShared(view.client, view.consentEvents, receivingOrganisation, domain ? [domain] : lifeDomains, now).length === 0;
  const receiverChoices = people.filter(
    (p) =>
      p.active &&
      receivingRoles(kind).includes(p.role) &&
      (kind === "colleague" ? p.id !== session.user.id : kind === "monitoring" || p.organisationId === toOrganisationId),
  );
  const otherOrganisations = [...directory.organisations.values()].filter((o) => o.id !== view.client.ownerOrganisationId);
  // After acknowledgement, an agreement goes to whoever will hold her, or anyone the consent
  // covers for agreements and for the agreement's life domain.
  const ownerChoices = (domain: LifeDomain | null) =>
    people.filter(
      (p) =>
        caseWorker(p) &&
        mayOwnAgreements(p, { ownerOrganisationId: receivingOrganisation ?? view.client.ownerOrganisationId }, view.consentEvents, now, domain),
    );

  const setPlan = (id: string, plan: CarriedAgreement) => setPlans(new Map(plans).set(id, plan));
  const setDomain = (index: number, patch: Partial<DomainDraft>) => setDomains(domains.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (consentMissing) return;
    const ok = await run("startHandover", {
      id: crypto.randomUUID(),
      clientId: view.client.id,
      kind,
      toUserId: within && toUserId ? toUserId : null,
      toOrganisationId: within ? receivingOrganisation : null,
      toExternal: !within && kind !== "closure" ? toExternal : null,
      domains: domains.filter((d) => !withheld.includes(d.domain)),
      risks,
      whatWorks,
      network: network.filter((c) => c.name.trim()),
      // The agreements open now: a colleague may have closed or added one while this form was open.
      agreements: openAgreements.map((a) => planOf(a.id)),
      text,
      sectionDomains,
      correctsHandoverId: correcting?.id ?? null,
    });
    if (ok) onDone();
  };

  return (
    <form class="handover-flow" onSubmit={submit} aria-labelledby="handover-form-title">
      <h3 id="handover-form-title">{correcting ? t("handover.correct") : t("handover.start")}</h3>
      <label>
        {t("handover.kind")}
        <select name="handover-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as HandoverKind)}>
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
            onChange={(e) => {
              setToOrganisationId(e.currentTarget.value);
              setToUserId("");
            }}
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
          <select name="handover-to-person" required={kind !== "organisation"} value={toUserId} onChange={(e) => setToUserId(e.currentTarget.value)}>
            <option value="">{kind === "organisation" ? t("handover.anyoneOf") : ""}</option>
            {receiverChoices.map((p) => (
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
          <input name="handover-to-external" required maxLength={200} value={toExternal} onInput={(e) => setToExternal(e.currentTarget.value)} />
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
        <textarea name="handover-risks" maxLength={5000} value={risks} onInput={(e) => setRisks(e.currentTarget.value)} />
      </label>
      <SectionDomainSelect name="handover-risks-domain" value={sectionDomains.risks} mayShare={mayShare} onChange={setSectionDomain("risks")} />
      <label>
        {t("handover.whatWorks")}
        <textarea name="handover-what-works" maxLength={5000} value={whatWorks} onInput={(e) => setWhatWorks(e.currentTarget.value)} />
      </label>
      <SectionDomainSelect name="handover-what-works-domain" value={sectionDomains.whatWorks} mayShare={mayShare} onChange={setSectionDomain("whatWorks")} />
      <NetworkFields network={network} onChange={setNetwork} />

      {openAgreements.length > 0 && (
        <fieldset>
          <legend>{t("handover.agreements")}</legend>
          {openAgreements.map((a) => {
            const plan = planOf(a.id);
            return (
              <div key={a.id} class="handover-agreement" data-testid="handover-agreement">
                <p>{a.text}</p>
                <label class="inline">
                  <span class="visually-hidden">{a.text}</span>
                  <select
                    name="handover-agreement-action"
                    value={plan.action}
                    onChange={(e) => {
                      const action = e.currentTarget.value;
                      setPlan(
                        a.id,
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
                {plan.action === "carry" && (
                  <label class="inline">
                    {t("handover.newOwner")}
                    <select
                      name="handover-agreement-owner"
                      required
                      value={plan.newOwnerUserId}
                      onChange={(e) => setPlan(a.id, { agreementId: a.id, action: "carry", newOwnerUserId: e.currentTarget.value })}
                    >
                      <option value="" />
                      {ownerChoices(a.domain).map((p) => (
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
        <textarea name="handover-text" maxLength={20000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
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
