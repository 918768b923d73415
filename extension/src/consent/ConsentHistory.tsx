import type { RecordOf } from "@naast/shared";
import { useContext } from "preact/hooks";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { describeCategories, organisationNames } from "./statement.ts";

/** Every consent recorded, withdrawn or expired, who and when; read-only, oldest first. */
export function ConsentHistory({ events, directory }: { events: RecordOf<"consentEvents">[]; directory: Directory }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const now = new Date().toISOString();
  const person = (id: string) => directory.people.get(id)?.name ?? id;
  const lines: { at: string; text: string }[] = [];
  for (const e of events) {
    if (e.type === "recorded") {
      lines.push({
        at: e.recordedAt,
        text: t("consent.history.recorded", {
          date: formatDay(language, e.recordedAt),
          name: person(e.recordedBy),
          organisations: organisationNames(directory, e.grantedTo),
          categories: describeCategories(language, e.categories),
          until: formatDay(language, e.validUntil),
          form: t(`consent.form.${e.form}`).toLowerCase(),
        }),
      });
      if (e.validUntil <= now) lines.push({ at: e.validUntil, text: t("consent.history.expired", { date: formatDay(language, e.validUntil) }) });
    } else {
      const scope = [e.organisations ? organisationNames(directory, e.organisations) : null, e.categories ? describeCategories(language, e.categories) : null]
        .filter(Boolean)
        .join(": ");
      lines.push({
        at: e.withdrawnAt,
        text: t("consent.history.withdrawn", {
          date: formatDay(language, e.withdrawnAt),
          name: person(e.withdrawnBy),
          scope: scope || t("consent.history.all"),
          reason: e.reason,
        }),
      });
    }
  }
  lines.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <details class="history">
      <summary>{t("consent.history")}</summary>
      <ol data-testid="consent-history">
        {lines.map((l, i) => (
          <li key={i}>{l.text}</li>
        ))}
      </ol>
    </details>
  );
}
