import { type LifeDomain, lifeDomains } from "@naast/shared";
import { categoryLabel, useT } from "../i18n/index.ts";

/** One `<option>` per life domain, named in the panel's language; `domains` narrows the list. */
export function DomainOptions({ domains = lifeDomains }: { domains?: readonly LifeDomain[] }) {
  const t = useT();
  return (
    <>
      {domains.map((d) => (
        <option key={d} value={d}>
          {categoryLabel(t, d)}
        </option>
      ))}
    </>
  );
}
