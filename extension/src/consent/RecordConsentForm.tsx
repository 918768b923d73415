import {
  addMonths,
  type DataCategory,
  lifeDomains,
  maxConsentMonths,
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
import { type ConsentDraft, consentsOf, dayOf, isComplete, newConsentDraft, recordConsentArgs, toggle, validUntilOf } from "./draft.ts";
import { describeCategories } from "./statement.ts";

/** Which information: the life domains (all at once as "the whole plan"), then the other kinds. */
function CategoryChoice({ categories, onChange }: { categories: ReadonlySet<DataCategory>; onChange(next: Set<DataCategory>): void }) {
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
  const [draft, setDraft] = useState<ConsentDraft>(() => newConsentDraft(now));
  const update = (patch: Partial<ConsentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { organisations, categories, municipality, municipalityCategories, purposeNote, form, until } = draft;
  const [reviewing, setReviewing] = useState(false);
  // Each step's heading takes the focus: the form when it opens or comes back, the review.
  const formHeading = useFocusOnShow<HTMLHeadingElement>(reviewing);
  const reviewHeading = useFocusOnShow<HTMLHeadingElement>(reviewing);
  const [missing, setMissing] = useState(false);
  const summaries = consentsOf(draft).map((c) =>
    t("consent.summary", {
      organisations: c.grantedTo.map((id) => directory.organisations.get(id)?.name ?? id),
      count: c.grantedTo.length,
      categories: describeCategories(language, c.categories),
      until: formatDay(language, validUntilOf(draft, now)),
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
            for (const args of recordConsentArgs(draft, client.id, new Date().toISOString(), () => crypto.randomUUID())) {
              if (!(await run("recordConsent", args))) return;
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
        const complete = isComplete(draft);
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
              update({
                organisations: toggle(
                  organisations,
                  team.map((o) => o.id),
                  e.currentTarget.checked,
                ),
              })
            }
          />
          {t("consent.wholeTeam", { organisations: team.map((o) => o.shortName) })}
        </label>
        {team.map((o) => (
          <label class="check" key={o.id}>
            <input
              type="checkbox"
              checked={organisations.has(o.id)}
              onChange={(e) => update({ organisations: toggle(organisations, [o.id], e.currentTarget.checked) })}
            />
            {o.name}
          </label>
        ))}
      </fieldset>
      {organisations.size > 0 && (
        <fieldset data-testid="team-categories">
          <legend>{t("consent.categories")}</legend>
          <CategoryChoice categories={categories} onChange={(next) => update({ categories: next })} />
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
                onChange={(e) => update({ municipality: toggle(municipality, [o.id], e.currentTarget.checked) })}
              />
              {o.name}
            </label>
          ))}
          {municipality.size > 0 && (
            <fieldset data-testid="municipality-categories">
              <legend>{t("consent.municipalityCategories")}</legend>
              <CategoryChoice categories={municipalityCategories} onChange={(next) => update({ municipalityCategories: next })} />
            </fieldset>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend>{t("consent.purpose")}</legend>
        <p>{t("consent.purposeText")}</p>
        <label>
          {t("consent.purposeNote")}
          <textarea maxLength={500} value={purposeNote} onInput={(e) => update({ purposeNote: e.currentTarget.value })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("consent.form")}</legend>
        {(["verbal", "written"] as const).map((f) => (
          <label class="check" key={f}>
            <input type="radio" name="consent-form" checked={form === f} onChange={() => update({ form: f })} />
            {t(`consent.form.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("consent.until")}
        <input
          type="date"
          required
          min={dayOf(addMonths(now, 0))}
          max={dayOf(addMonths(now, maxConsentMonths))}
          value={until}
          onInput={(e) => update({ until: e.currentTarget.value })}
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
