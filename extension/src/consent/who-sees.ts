import { type Client, type ConsentEvent, type ConsentState, deriveConsents, expiresSoon } from "@naast/shared";

/**
 * What the consent section shows of a client: her consents as they stand now, whether this
 * user's organisation holds her, and the former holders still reading after a handover (not a
 * consent, but who may see her).
 */
export function whoSees(
  client: Pick<Client, "ownerOrganisationId" | "formerOwners">,
  consentEvents: readonly ConsentEvent[],
  organisationId: string,
  now: string,
) {
  return {
    states: deriveConsents(consentEvents, now),
    isHolder: client.ownerOrganisationId === organisationId,
    stillReading: client.formerOwners.filter((f) => Date.parse(f.readOnlyUntil) > Date.parse(now)),
  };
}

/** A consent that is in force or still to start can be withdrawn; an expired or withdrawn one cannot. */
export const isWithdrawable = (state: ConsentState): boolean => state.status === "active" || state.status === "pending";

/** Only the holder is warned that a consent ends soon: she is the one who records the next. */
export const warnsOfEnd = (state: ConsentState, isHolder: boolean, now: string): boolean => isHolder && expiresSoon(state, now);

/** "toestemming-Anna-2027-03-01.pdf": the client's statement of one consent. */
export const statementFileName = (client: Pick<Client, "alias">, state: ConsentState): string =>
  `toestemming-${client.alias}-${state.consent.validUntil.slice(0, 10)}.pdf`;
