import { type LifeDomain, lifeDomains } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import { DomainOptions } from "../ui/DomainOptions.tsx";

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
        <DomainOptions domains={lifeDomains.filter(mayShare)} />
      </select>
    </label>
  );
}
