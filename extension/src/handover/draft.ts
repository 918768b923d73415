import {
  type AgreementDecision,
  caseWorkers,
  domainsNotShared,
  generalSections,
  type Handover,
  type HandoverKind,
  handoverConsentCovers,
  isWithinNaast,
  type LifeDomain,
  lifeDomains,
  type MutationArgs,
  mayOwnAgreements,
  type RecordOf,
  receivingRoles,
  type SessionUser,
} from "@naast/shared";
import { scoreHistory } from "../plan/score-history.ts";
import type { ClientView, Directory } from "../records/queries.ts";

type Person = RecordOf<"people">;

/** A handover as the form holds it while she writes it. */
export interface HandoverDraft {
  kind: HandoverKind;
  /** "" while none is chosen. */
  toUserId: string;
  toOrganisationId: string;
  toExternal: string;
  domains: Handover["domains"];
  risks: string;
  whatWorks: string;
  network: Handover["network"];
  text: string;
  sectionDomains: Handover["sectionDomains"];
  /** What she decided per open agreement, by its id; one she has not touched is carried over. */
  decisions: ReadonlyMap<string, AgreementDecision>;
}

/** A new handover prefilled from the plan (each domain with a situation or a score), or a correction prefilled from the one it corrects. */
export function newHandoverDraft(view: Pick<ClientView, "planDomains" | "zrmScores">, correcting: Handover | null): HandoverDraft {
  return {
    kind: correcting?.kind ?? "organisation",
    toUserId: correcting?.toUserId ?? "",
    toOrganisationId: correcting?.toOrganisationId ?? "",
    toExternal: correcting?.toExternal ?? "",
    domains:
      correcting?.domains ??
      lifeDomains.flatMap((domain) => {
        const plan = view.planDomains.find((p) => p.domain === domain);
        const latest = scoreHistory(view.zrmScores, domain).latest;
        return plan || latest ? [{ domain, score: latest?.score ?? null, situation: plan?.situation ?? "" }] : [];
      }),
    risks: correcting?.risks ?? "",
    whatWorks: correcting?.whatWorks ?? "",
    network: correcting?.network ?? [],
    text: correcting?.text ?? "",
    sectionDomains: correcting?.sectionDomains ?? generalSections,
    decisions: new Map(correcting?.agreements.map((d) => [d.agreementId, d])),
  };
}

/** The decision for one open agreement: hers, or carrying it over to someone still to be chosen. */
export const decisionOf = (draft: HandoverDraft, agreementId: string): AgreementDecision =>
  draft.decisions.get(agreementId) ?? { agreementId, action: "carry", newOwnerUserId: "" };

/** What the form checks and shows as she writes, worked out from the draft with the shared consent rules. */
export interface HandoverChecks {
  within: boolean;
  /** The organisation that will hold her inside Naast (the chosen person's, or the chosen organisation); null when leaving or not yet chosen. */
  receivingOrganisation: string | null;
  /** The client's consent does not yet cover handing her to that organisation: record it first. */
  consentMissing: boolean;
  /** The life domains the receiving organisation may not see: left out of what is sent. */
  withheld: LifeDomain[];
}

type ConsentFacts = Pick<ClientView, "client" | "consentEvents">;

export function checkHandoverDraft(draft: HandoverDraft, view: ConsentFacts, directory: Directory, now: string): HandoverChecks {
  const within = isWithinNaast(draft.kind);
  const receiver = draft.toUserId ? directory.people.get(draft.toUserId) : undefined;
  const receivingOrganisation = within ? (receiver?.organisationId ?? (draft.toOrganisationId || null)) : null;
  const consentMissing = receivingOrganisation !== null && !handoverConsentCovers(view.client, view.consentEvents, receivingOrganisation, now);
  // The receiver reads the handover before she decides: it holds only domains her organisation may see.
  const withheld =
    receivingOrganisation && !consentMissing
      ? domainsNotShared(
          view.client,
          view.consentEvents,
          receivingOrganisation,
          draft.domains.map((d) => d.domain),
          now,
        )
      : [];
  return { within, receivingOrganisation, consentMissing, withheld };
}

/** Whether a free-text section may be about this domain (null: "algemeen", which needs the whole plan) for the receiver. */
export const maySectionBeAbout = (checks: HandoverChecks, view: ConsentFacts, now: string) => (domain: LifeDomain | null) =>
  !checks.receivingOrganisation ||
  domainsNotShared(view.client, view.consentEvents, checks.receivingOrganisation, domain ? [domain] : lifeDomains, now).length === 0;

/** Whom she can hand the client to for this kind: a colleague (not herself), anyone for monitoring, or someone of the chosen organisation. */
export const receiverChoices = (draft: HandoverDraft, people: readonly Person[], user: SessionUser): Person[] =>
  people.filter(
    (p) =>
      p.active &&
      receivingRoles(draft.kind).includes(p.role) &&
      (draft.kind === "colleague" ? p.id !== user.id : draft.kind === "monitoring" || p.organisationId === draft.toOrganisationId),
  );

/**
 * Who can take over an agreement (about `domain`) after acknowledgement: an active case worker
 * who may own it at whoever will hold her (the holder now, when she leaves Naast).
 */
export const ownerChoices = (people: readonly Person[], view: ConsentFacts, checks: HandoverChecks, now: string, domain: LifeDomain | null): Person[] =>
  people.filter(
    (p) =>
      p.active &&
      caseWorkers.includes(p.role) &&
      mayOwnAgreements(p, { ownerOrganisationId: checks.receivingOrganisation ?? view.client.ownerOrganisationId }, view.consentEvents, now, domain),
  );

/** What to send: only what applies to the kind, without withheld domains or empty network rows, with a decision for every agreement open now. */
export function handoverArgs(
  draft: HandoverDraft,
  checks: HandoverChecks,
  clientId: string,
  openAgreementIds: readonly string[],
  id: string,
  correctsHandoverId: string | null,
): MutationArgs<"startHandover"> {
  const { within } = checks;
  return {
    id,
    clientId,
    kind: draft.kind,
    toUserId: within && draft.toUserId ? draft.toUserId : null,
    toOrganisationId: within ? checks.receivingOrganisation : null,
    toExternal: !within && draft.kind !== "closure" ? draft.toExternal : null,
    domains: draft.domains.filter((d) => !checks.withheld.includes(d.domain)),
    risks: draft.risks,
    whatWorks: draft.whatWorks,
    network: draft.network.filter((c) => c.name.trim()),
    // The agreements open now: a colleague may have closed or added one while this form was open.
    agreements: openAgreementIds.map((agreementId) => decisionOf(draft, agreementId)),
    text: draft.text,
    sectionDomains: draft.sectionDomains,
    correctsHandoverId,
  };
}
