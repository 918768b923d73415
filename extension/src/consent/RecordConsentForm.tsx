import {
  addMonths,
  consentsToRecord,
  type DataCategory,
  defaultConsentMonths,
  lifeDomains,
  maxConsentMonths,
  municipalityDefaultCategories,
  municipalityOrganisations,
  otherCategories,
  type RecordOf,
  stapteamOrganisations,
} from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useFocusOnShow } from "../hooks/use-focus-on-show.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { categoryLabel, formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { describeCategories } from "./statement.ts";

const day = (instant: string) => instant.slice(0, 10);

const toggle = <T,>(set: Set<T>, values: readonly T[], on: boolean) => {
  const next = new Set(set);
  for (const v of values) on ? next.add(v) : next.delete(v);
  return next;
};

/** Which information: the life domains (all at once as "the whole plan"), then the other kinds. */
function CategoryChoice({ categories, onChange }: { categories: Set<DataCategory>; onChange(next: Set<DataCategory>): void }) {
  const t = useT();
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={lifeDomains.every((d) => categories.has(d))}
          onChange={(e) => onChange(toggle(categories, lifeDomains, e.currentTarget.checked))}
        />
        {t("consent.wholePlan")}
      </label>
      <div class="indent">
        {lifeDomains.map((d) => (
          <label class="check" key={d}>
            <input type="checkbox" checked={categories.has(d)} onChange={(e) => onChange(toggle(categories, [d], e.currentTarget.checked))} />
            {categoryLabel(t, d)}
          </label>
        ))}
      </div>
      {otherCategories.map((c) => (
        <div key={c}>
          <label class="check">
            <input type="checkbox" checked={categories.has(c)} onChange={(e) => onChange(toggle(categories, [c], e.currentTarget.checked))} />
            {categoryLabel(t, c)}
          </label>
          {/* Free text is not filed by domain: say plainly what sharing the notes lets others read (decision 0009). */}
          {c === "notes" && <p class="hint">{t("consent.notesExplained")}</p>}
        </div>
      ))}
    </>
  );
}

/**
 * The guided consent at first contact: with whom, what, what for, how, how long; then read it
 * back with the client before it is recorded. Plain form controls, so it works by keyboard alone.
 */
export function RecordConsentForm({
  client,
  directory,
  session,
  onDone,
}: {
  client: RecordOf<"clients">;
  directory: Directory;
  session: Session;
  onDone(): void;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const now = new Date().toISOString();
  // The care organisations are "het hele Stapteam"; the municipality is asked about on its own (0012).
  const team = stapteamOrganisations(directory.organisations.values(), client.ownerOrganisationId);
  const municipalities = municipalityOrganisations(directory.organisations.values(), client.ownerOrganisationId);
  const [organisations, setOrganisations] = useState<Set<string>>(new Set());
  const [categories, setCategories] = useState<Set<DataCategory>>(new Set());
  const [municipality, setMunicipality] = useState<Set<string>>(new Set());
  const [municipalityCategories, setMunicipalityCategories] = useState<Set<DataCategory>>(new Set(municipalityDefaultCategories));
  const [purposeNote, setPurposeNote] = useState("");
  const [form, setForm] = useState<"verbal" | "written">("verbal");
  const [until, setUntil] = useState(day(addMonths(now, defaultConsentMonths)));
  const [reviewing, setReviewing] = useState(false);
  // Each step's heading takes the focus: the form when it opens or comes back, the review.
  const formHeading = useFocusOnShow<HTMLHeadingElement>(reviewing);
  const reviewHeading = useFocusOnShow<HTMLHeadingElement>(reviewing);
  const [missing, setMissing] = useState(false);

  const validUntil = () => {
    const endOfDay = new Date(`${until}T23:59:59`).toISOString();
    const latest = addMonths(now, maxConsentMonths);
    return endOfDay < latest ? endOfDay : latest;
  };
  const consents = consentsToRecord({
    team: { organisations: [...organisations], categories: [...categories] },
    municipality: { organisations: [...municipality], categories: [...municipalityCategories] },
  });
  const summaries = consents.map((c) =>
    t("consent.summary", {
      organisations: c.grantedTo.map((id) => directory.organisations.get(id)?.name ?? id),
      count: c.grantedTo.length,
      categories: describeCategories(language, c.categories),
      until: formatDay(language, validUntil()),
    }),
  );

  if (reviewing) {
    return (
      <section class="consent-flow" aria-labelledby="consent-review">
        <h3 id="consent-review" ref={reviewHeading} tabIndex={-1}>
          {t("consent.review")}
        </h3>
        {summaries.map((summary) => (
          <p data-testid="consent-summary" key={summary}>
            {summary}
          </p>
        ))}
        <p>{t("consent.purposeText")}</p>
        {purposeNote && <p>“{purposeNote}”</p>}
        <p class="meta">{t("consent.recordedBy", { name: session.user.name, date: formatDay(language, now) })}</p>
        <button
          type="button"
          onClick={async () => {
            // One consent per side: the care organisations and the municipality see different things.
            const validFrom = new Date().toISOString();
            for (const { grantedTo, categories: granted } of consents) {
              const consentId = crypto.randomUUID();
              const ok = await run("recordConsent", {
                id: `${consentId}:recorded`,
                clientId: client.id,
                consentId,
                grantedTo,
                categories: granted,
                purpose: "stapteam-coordination",
                purposeNote,
                form,
                validFrom,
                validUntil: validUntil(),
              });
              if (!ok) return;
            }
            onDone();
          }}
        >
          {t("consent.confirm")}
        </button>
        <button type="button" class="secondary" onClick={() => setReviewing(false)}>
          {t("consent.back")}
        </button>
        <ErrorLine message={error} />
      </section>
    );
  }

  return (
    <form
      class="consent-flow"
      onSubmit={(e) => {
        e.preventDefault();
        // Every side chosen has something to see, and at least one side is chosen.
        const teamOk = organisations.size === 0 || categories.size > 0;
        const municipalityOk = municipality.size === 0 || municipalityCategories.size > 0;
        const complete = teamOk && municipalityOk && consents.length > 0;
        setMissing(!complete);
        if (complete) setReviewing(true);
      }}
    >
      <h3 ref={formHeading} tabIndex={-1}>
        {t("consent.record")}
      </h3>
      <p class="hint">{t("consent.recordIntro")}</p>
      <fieldset>
        <legend>{t("consent.organisations")}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={team.length > 0 && team.every((o) => organisations.has(o.id))}
            onChange={(e) =>
              setOrganisations(
                toggle(
                  organisations,
                  team.map((o) => o.id),
                  e.currentTarget.checked,
                ),
              )
            }
          />
          {t("consent.wholeTeam", { organisations: team.map((o) => o.shortName) })}
        </label>
        {team.map((o) => (
          <label class="check" key={o.id}>
            <input
              type="checkbox"
              checked={organisations.has(o.id)}
              onChange={(e) => setOrganisations(toggle(organisations, [o.id], e.currentTarget.checked))}
            />
            {o.name}
          </label>
        ))}
      </fieldset>
      {organisations.size > 0 && (
        <fieldset data-testid="team-categories">
          <legend>{t("consent.categories")}</legend>
          <CategoryChoice categories={categories} onChange={setCategories} />
        </fieldset>
      )}
      {municipalities.length > 0 && (
        <fieldset data-testid="municipality-choice">
          <legend>{t("consent.municipality")}</legend>
          <p class="hint">{t("consent.municipalityExplained")}</p>
          {municipalities.map((o) => (
            <label class="check" key={o.id}>
              <input
                type="checkbox"
                checked={municipality.has(o.id)}
                onChange={(e) => setMunicipality(toggle(municipality, [o.id], e.currentTarget.checked))}
              />
              {o.name}
            </label>
          ))}
          {municipality.size > 0 && (
            <fieldset data-testid="municipality-categories">
              <legend>{t("consent.municipalityCategories")}</legend>
              <CategoryChoice categories={municipalityCategories} onChange={setMunicipalityCategories} />
            </fieldset>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend>{t("consent.purpose")}</legend>
        <p>{t("consent.purposeText")}</p>
        <label>
          {t("consent.purposeNote")}
          <textarea maxLength={500} value={purposeNote} onInput={(e) => setPurposeNote(e.currentTarget.value)} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("consent.form")}</legend>
        {(["verbal", "written"] as const).map((f) => (
          <label class="check" key={f}>
            <input type="radio" name="consent-form" checked={form === f} onChange={() => setForm(f)} />
            {t(`consent.form.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("consent.until")}
        <input
          type="date"
          required
          min={day(addMonths(now, 0))}
          max={day(addMonths(now, maxConsentMonths))}
          value={until}
          onInput={(e) => setUntil(e.currentTarget.value)}
        />
      </label>
      {missing && (
        <p class="error" role="alert">
          {t("consent.chooseOne")}
        </p>
      )}
      <button type="submit">{t("consent.review")}</button>
      <button type="button" class="secondary" onClick={onDone}>
        {t("plan.cancel")}
      </button>
    </form>
  );
}
