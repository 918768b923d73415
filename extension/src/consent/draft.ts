import {
  addMonths,
  consentsToRecord,
  type DataCategory,
  defaultConsentMonths,
  type MutationArgs,
  maxConsentMonths,
  municipalityDefaultCategories,
} from "@naast/shared";

/** The consent form as she fills it in with the client: two sides (the care organisations, the municipality), each with its categories. */
export interface ConsentDraft {
  organisations: ReadonlySet<string>;
  categories: ReadonlySet<DataCategory>;
  municipality: ReadonlySet<string>;
  municipalityCategories: ReadonlySet<DataCategory>;
  purposeNote: string;
  form: "verbal" | "written";
  /** The last day, as the date input has it ("2025-03-04"). */
  until: string;
}

/** A calendar day of an instant, as a date input takes it. */
export const dayOf = (instant: string) => instant.slice(0, 10);

export const newConsentDraft = (now: string): ConsentDraft => ({
  organisations: new Set(),
  categories: new Set(),
  municipality: new Set(),
  municipalityCategories: new Set(municipalityDefaultCategories),
  purposeNote: "",
  form: "verbal",
  until: dayOf(addMonths(now, defaultConsentMonths)),
});

/** The set with these values ticked on or off. */
export const toggle = <T>(set: ReadonlySet<T>, values: readonly T[], on: boolean): Set<T> => {
  const next = new Set(set);
  for (const v of values) on ? next.add(v) : next.delete(v);
  return next;
};

/** The end of the chosen day on this device, and never later than the longest consent allows. */
export function validUntilOf(draft: ConsentDraft, now: string): string {
  const endOfDay = new Date(`${draft.until}T23:59:59`).toISOString();
  const latest = addMonths(now, maxConsentMonths);
  // ISO instants in UTC compare as text; Math.min would need numbers.
  // biome-ignore lint/complexity/useMathMinMax: these are ISO strings, not numbers
  return endOfDay < latest ? endOfDay : latest;
}

/** The consents the draft records: one per side chosen (the care organisations and the municipality see different things). */
export const consentsOf = (draft: ConsentDraft) =>
  consentsToRecord({
    team: { organisations: [...draft.organisations], categories: [...draft.categories] },
    municipality: { organisations: [...draft.municipality], categories: [...draft.municipalityCategories] },
  });

/** Every side chosen has something to see, and at least one side is chosen. */
export function isComplete(draft: ConsentDraft): boolean {
  const teamOk = draft.organisations.size === 0 || draft.categories.size > 0;
  const municipalityOk = draft.municipality.size === 0 || draft.municipalityCategories.size > 0;
  return teamOk && municipalityOk && consentsOf(draft).length > 0;
}

/** What to send, one recordConsent per side, valid from `validFrom` (the moment she confirms). */
export function recordConsentArgs(draft: ConsentDraft, clientId: string, validFrom: string, newId: () => string): MutationArgs<"recordConsent">[] {
  const validUntil = validUntilOf(draft, validFrom);
  return consentsOf(draft).map(({ grantedTo, categories }) => {
    const consentId = newId();
    return {
      id: `${consentId}:recorded`,
      clientId,
      consentId,
      grantedTo,
      categories,
      purpose: "stapteam-coordination",
      purposeNote: draft.purposeNote,
      form: draft.form,
      validFrom,
      validUntil,
    };
  });
}
