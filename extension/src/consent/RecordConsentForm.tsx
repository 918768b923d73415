import { addMonths, type DataCategory, defaultConsentMonths, lifeDomains, maxConsentMonths, otherCategories, type RecordOf } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { categoryLabel, formatDay, LanguageContext, useT } from "../i18n/index.ts";
import { ErrorLine } from "../panel/ErrorLine.tsx";
import type { Directory } from "../panel/queries.ts";
import { useMutate } from "../panel/use-mutate.ts";
import type { Session } from "../storage/db.ts";
import { describeCategories, organisationNames } from "./statement.ts";

const day = (instant: string) => instant.slice(0, 10);

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
  const others = [...directory.organisations.values()].filter((o) => o.id !== client.ownerOrganisationId);
  const [organisations, setOrganisations] = useState<Set<string>>(new Set());
  const [categories, setCategories] = useState<Set<DataCategory>>(new Set());
  const [purposeNote, setPurposeNote] = useState("");
  const [form, setForm] = useState<"verbal" | "written">("verbal");
  const [until, setUntil] = useState(day(addMonths(now, defaultConsentMonths)));
  const [reviewing, setReviewing] = useState(false);
  const [missing, setMissing] = useState(false);

  const toggle = <T,>(set: Set<T>, values: readonly T[], on: boolean) => {
    const next = new Set(set);
    for (const v of values) on ? next.add(v) : next.delete(v);
    return next;
  };
  const validUntil = () => {
    const endOfDay = new Date(`${until}T23:59:59`).toISOString();
    const latest = addMonths(now, maxConsentMonths);
    return endOfDay < latest ? endOfDay : latest;
  };
  const summary = t("consent.summary", {
    organisations: organisationNames(directory, [...organisations]),
    categories: describeCategories(language, [...categories]),
    until: formatDay(language, validUntil()),
  });

  if (reviewing) {
    return (
      <section class="consent-flow" aria-labelledby="consent-review">
        <h3 id="consent-review">{t("consent.review")}</h3>
        <p data-testid="consent-summary">{summary}</p>
        <p>{t("consent.purposeText")}</p>
        {purposeNote && <p>“{purposeNote}”</p>}
        <p class="meta">{t("consent.recordedBy", { name: session.user.name, date: formatDay(language, now) })}</p>
        <button
          type="button"
          onClick={async () => {
            const consentId = crypto.randomUUID();
            const ok = await run("recordConsent", {
              id: `${consentId}:recorded`,
              clientId: client.id,
              consentId,
              grantedTo: [...organisations],
              categories: [...categories],
              purpose: "stapteam-coordination",
              purposeNote,
              form,
              validFrom: new Date().toISOString(),
              validUntil: validUntil(),
            });
            if (ok) onDone();
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
        const complete = organisations.size > 0 && categories.size > 0;
        setMissing(!complete);
        if (complete) setReviewing(true);
      }}
    >
      <h3>{t("consent.record")}</h3>
      <p class="hint">{t("consent.recordIntro")}</p>
      <fieldset>
        <legend>{t("consent.organisations")}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={others.every((o) => organisations.has(o.id))}
            onChange={(e) =>
              setOrganisations(
                toggle(
                  organisations,
                  others.map((o) => o.id),
                  e.currentTarget.checked,
                ),
              )
            }
          />
          {t("consent.wholeTeam")}
        </label>
        {others.map((o) => (
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
      <fieldset>
        <legend>{t("consent.categories")}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={lifeDomains.every((d) => categories.has(d))}
            onChange={(e) => setCategories(toggle(categories, lifeDomains, e.currentTarget.checked))}
          />
          {t("consent.wholePlan")}
        </label>
        <div class="indent">
          {lifeDomains.map((d) => (
            <label class="check" key={d}>
              <input type="checkbox" checked={categories.has(d)} onChange={(e) => setCategories(toggle(categories, [d], e.currentTarget.checked))} />
              {categoryLabel(t, d)}
            </label>
          ))}
        </div>
        {otherCategories.map((c) => (
          <div key={c}>
            <label class="check">
              <input type="checkbox" checked={categories.has(c)} onChange={(e) => setCategories(toggle(categories, [c], e.currentTarget.checked))} />
              {categoryLabel(t, c)}
            </label>
            {/* Free text is not filed by domain: say plainly what sharing the notes lets others read (decision 0009). */}
            {c === "notes" && <p class="hint">{t("consent.notesExplained")}</p>}
          </div>
        ))}
      </fieldset>
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
