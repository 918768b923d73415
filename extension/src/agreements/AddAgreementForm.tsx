import type { LifeDomain } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { DomainOptions } from "../ui/DomainOptions.tsx";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { PersonOptions } from "../ui/PersonOptions.tsx";
import { type AgreementDraft, addAgreementArgs, newAgreementDraft, nextAgreementDraft, possibleOwners } from "./draft.ts";

/** A new afspraak: what, who (a colleague whose organisation may see it), by when, and about which life domain. */
export function AddAgreementForm({ view, directory }: { view: ClientView; directory: Directory }) {
  const t = useT();
  const { run, error } = useMutate();
  const [draft, setDraft] = useState(newAgreementDraft);
  const update = (change: Partial<AgreementDraft>) => setDraft((d) => ({ ...d, ...change }));
  // Only colleagues whose organisation may see the agreements can own one.
  const owners = possibleOwners(view, directory, new Date().toISOString(), draft.domain || null);

  const add = async (event: Event) => {
    event.preventDefault();
    if (await run("addAgreement", addAgreementArgs(draft, view.client.id, crypto.randomUUID()))) setDraft(nextAgreementDraft);
  };

  return (
    <>
      <details>
        <summary>{t("agreements.add")}</summary>
        <form onSubmit={add}>
          <label>
            {t("agreements.text")}
            <input name="agreement-text" required maxLength={500} value={draft.text} onInput={(e) => update({ text: e.currentTarget.value })} />
          </label>
          <label>
            {t("agreements.owner")}
            <select name="agreement-owner" required value={draft.ownerUserId} onChange={(e) => update({ ownerUserId: e.currentTarget.value })}>
              <option value="" />
              <PersonOptions people={owners} directory={directory} />
            </select>
          </label>
          <label>
            {t("agreements.dueDate")}
            <input name="agreement-due" type="date" required value={draft.dueDate} onInput={(e) => update({ dueDate: e.currentTarget.value })} />
          </label>
          <label>
            {t("agreements.domain")}
            <select value={draft.domain} onChange={(e) => update({ domain: e.currentTarget.value as LifeDomain | "" })}>
              <option value="">{t("agreements.noDomain")}</option>
              <DomainOptions />
            </select>
          </label>
          <button type="submit">{t("agreements.add")}</button>
        </form>
      </details>
      <ErrorLine message={error} />
    </>
  );
}
