import { type Agreement, agreementOwnerRoles, type LifeDomain, type MutationArgs, mayOwnAgreements, type Person } from "@naast/shared";
import type { ClientView, Directory } from "../records/queries.ts";

/** The open afspraken, the first due first. */
export const openAgreements = <A extends Pick<Agreement, "status" | "dueDate">>(agreements: readonly A[]): A[] =>
  agreements.filter((a) => a.status === "open").sort((a, b) => a.dueDate.localeCompare(b.dueDate));

/** Who may own an afspraak of this client (about `domain`): the rule addAgreement and updateAgreement run. */
export const possibleOwners = (view: Pick<ClientView, "client" | "consentEvents">, directory: Directory, now: string, domain: LifeDomain | null): Person[] =>
  [...directory.people.values()].filter(
    (p) => p.active && agreementOwnerRoles.includes(p.role) && mayOwnAgreements(p, view.client, view.consentEvents, now, domain),
  );

/**
 * The owners an existing afspraak's edit form offers: those who may own it, and her present owner
 * first when she no longer may (deactivated, say), so the list shows who has it and saving the
 * text leaves it with her (the server checks an owner only when it changes).
 */
export function ownerChoices(
  view: Pick<ClientView, "client" | "consentEvents">,
  directory: Directory,
  now: string,
  agreement: Pick<Agreement, "ownerUserId" | "domain">,
): Person[] {
  const offered = possibleOwners(view, directory, now, agreement.domain);
  const present = directory.people.get(agreement.ownerUserId);
  return present && !offered.some((p) => p.id === present.id) ? [present, ...offered] : offered;
}

/** A new afspraak as the form holds it; "" while nothing is chosen. */
export interface AgreementDraft {
  text: string;
  ownerUserId: string;
  dueDate: string;
  domain: LifeDomain | "";
}

export const newAgreementDraft = (): AgreementDraft => ({ text: "", ownerUserId: "", dueDate: "", domain: "" });

/** After an afspraak is added the next one often has the same owner and life domain: only its text and date are cleared. */
export const nextAgreementDraft = (sent: AgreementDraft): AgreementDraft => ({ ...sent, text: "", dueDate: "" });

export const addAgreementArgs = (draft: AgreementDraft, clientId: string, id: string): MutationArgs<"addAgreement"> => ({
  id,
  clientId,
  domain: draft.domain || null,
  text: draft.text,
  ownerUserId: draft.ownerUserId,
  dueDate: draft.dueDate,
});
