import { type AccessDecision, type DataCategory, type LifeDomain, lifeDomains } from "@naast/shared";
import { useState } from "preact/hooks";
import type { EscalationPrefill } from "../escalation/EscalationSection.tsx";
import { useMutate } from "../hooks/use-mutate.ts";
import { categoryLabel, useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { AgreementRow, OwnerOptions, possibleOwners } from "./AgreementRow.tsx";

export function AgreementsSection({
  view,
  directory,
  accessible,
  onEscalate,
}: {
  view: ClientView;
  directory: Directory;
  accessible: Map<DataCategory, AccessDecision>;
  onEscalate?: (prefill: EscalationPrefill) => void;
}) {
  const t = useT();
  const { run, error } = useMutate();
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [domain, setDomain] = useState<LifeDomain | "">("");

  if (!accessible.has("agreements")) {
    return (
      <section class="card agreements">
        <h2>{t("agreements.title")}</h2>
        <p class="hint">{t("agreements.notShared")}</p>
      </section>
    );
  }
  const open = view.agreements.filter((a) => a.status === "open").sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const now = new Date().toISOString();
  // Only colleagues whose organisation may see the agreements can own one.
  const owners = possibleOwners(view, directory, now, domain || null);

  const add = async (event: Event) => {
    event.preventDefault();
    const ok = await run("addAgreement", { id: crypto.randomUUID(), clientId: view.client.id, domain: domain || null, text, ownerUserId: owner, dueDate });
    if (ok) {
      setText("");
      setDueDate("");
    }
  };

  return (
    <section class="card agreements" aria-labelledby="agreements-title">
      <h2 id="agreements-title">{t("agreements.title")}</h2>
      {open.length === 0 && <p class="hint">{t("agreements.empty")}</p>}
      <ul>
        {open.map((a) => (
          <AgreementRow key={a.id} agreement={a} view={view} directory={directory} onEscalate={onEscalate} />
        ))}
      </ul>
      <details>
        <summary>{t("agreements.add")}</summary>
        <form onSubmit={add}>
          <label>
            {t("agreements.text")}
            <input name="agreement-text" required maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            {t("agreements.owner")}
            <select name="agreement-owner" required value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
              <option value="" />
              <OwnerOptions owners={owners} directory={directory} />
            </select>
          </label>
          <label>
            {t("agreements.dueDate")}
            <input name="agreement-due" type="date" required value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} />
          </label>
          <label>
            {t("agreements.domain")}
            <select value={domain} onChange={(e) => setDomain(e.currentTarget.value as LifeDomain | "")}>
              <option value="">{t("agreements.noDomain")}</option>
              {lifeDomains.map((d) => (
                <option key={d} value={d}>
                  {categoryLabel(t, d)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("agreements.add")}</button>
        </form>
      </details>
      <ErrorLine message={error} />
    </section>
  );
}
