import { type LifeDomain, lifeDomains } from "@naast/shared";
import { categoryLabel, useT } from "../i18n/index.ts";

/**
 * What a free-text section of a handover is about: a life domain the receiver may see, or
 * "algemeen", which only a receiver of the whole plan gets (shared/src/handover/redact.ts).
 */
export function SectionDomainSelect({
  name,
  value,
  mayShare,
  onChange,
}: {
  name: string;
  value: LifeDomain | null;
  /** Whether the receiving organisation may see this domain; null asks about the whole plan. */
  mayShare(domain: LifeDomain | null): boolean;
  onChange(domain: LifeDomain | null): void;
}) {
  const t = useT();
  return (
    <label class="section-domain">
      {t("handover.sectionAbout")}
      <select name={name} value={value ?? ""} onChange={(e) => onChange((e.currentTarget.value || null) as LifeDomain | null)}>
        <option value="" disabled={!mayShare(null)}>
          {t("handover.sectionGeneral")}
        </option>
        {lifeDomains.filter(mayShare).map((d) => (
          <option key={d} value={d}>
            {categoryLabel(t, d)}
          </option>
        ))}
      </select>
    </label>
  );
}
