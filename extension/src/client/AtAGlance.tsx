import { calendarDay, currentContacts, deriveConsents, expiresSoon, isOverdue } from "@naast/shared";
import { useContext } from "preact/hooks";
import { consentSentence } from "../consent/consent-sentence.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";

const dayMs = 24 * 3600 * 1000;
/** An ended consent stays in view this long: the team needs to hear that it has to ask again. */
const endedRecentlyDays = 90;

/**
 * What a worker between two contacts asks first, in a few lines at side-panel width: who may see
 * what until when, who works with her, what is open or overdue, and when she was last seen.
 * Only what this device holds, so only what consent lets this organisation see.
 */
export function AtAGlance({ view, directory, notesShared }: { view: ClientView; directory: Directory; notesShared: boolean }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const now = new Date().toISOString();
  const today = calendarDay(now);
  const shortName = (id: string) => directory.organisations.get(id)?.shortName ?? id;
  const consents = deriveConsents(view.consentEvents, now).filter(
    (s) => s.status === "active" || s.status === "pending" || Date.parse(now) - Date.parse(s.consent.validUntil) < endedRecentlyDays * dayMs,
  );
  const inForce = consents.filter((s) => s.status === "active" || s.status === "pending");
  const open = view.agreements.filter((a) => a.status === "open").sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = open.filter((a) => isOverdue(a, today));
  // Who works with her: the responsible case manager first, then whoever keeps an afspraak up.
  const workers = [...new Set([view.client.responsibleUserId, ...open.map((a) => a.ownerUserId)])].map((id) => {
    const person = directory.people.get(id);
    return person ? `${person.name} (${shortName(person.organisationId)})` : id;
  });
  const organisations = [
    ...new Set([view.client.ownerOrganisationId, ...inForce.flatMap((s) => s.grants.filter((g) => !g.withdrawal).map((g) => g.organisationId))]),
  ];
  const last = currentContacts(view.notes).find((c) => !c.noShow);

  return (
    <section class="card glance" aria-label={t("glance.title")} data-testid="at-a-glance">
      <ul class="glance-lines">
        {consents.length === 0 ? (
          <li data-testid="glance-consent">{t("consent.none", { owner: shortName(view.client.ownerOrganisationId) })}</li>
        ) : (
          consents.map((s) => (
            <li key={s.consent.consentId} data-testid="glance-consent" class={s.status === "active" || s.status === "pending" ? "" : "warning"}>
              {consentSentence(t, language, s, shortName)}
              {expiresSoon(s, now) && <strong class="warning"> {t("glance.endsSoon")}</strong>}
            </li>
          ))
        )}
        <li data-testid="glance-team">{t("glance.team", { organisations: organisations.map(shortName), people: workers })}</li>
        <li data-testid="glance-agreements" class={overdue.length > 0 ? "warning" : ""}>
          {t("glance.agreements", { open: open.length, overdue: overdue.length })}
          {overdue.length > 0 && (
            <ul>
              {overdue.map((a) => (
                <li key={a.id}>
                  <a href={`#agreement-${a.id}`}>{a.text}</a> ({formatDay(language, a.dueDate)})
                </li>
              ))}
            </ul>
          )}
        </li>
        {/* Contacts not shared with this organisation: say nothing rather than "no contact". */}
        {notesShared && (
          <li data-testid="glance-contact">
            {last ? t("glance.lastContact", { date: formatDay(language, last.at), type: t(`contacts.type.${last.type}`) }) : t("glance.noContact")}
          </li>
        )}
      </ul>
    </section>
  );
}
