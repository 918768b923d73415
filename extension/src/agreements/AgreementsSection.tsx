import type { AccessDecision, DataCategory } from "@naast/shared";
import type { EscalationPrefill } from "../escalation/EscalationSection.tsx";
import { useT } from "../i18n/index.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { CollapsibleSection } from "../ui/CollapsibleSection.tsx";
import { ItemList } from "../ui/ItemList.tsx";
import { AddAgreementForm } from "./AddAgreementForm.tsx";
import { AgreementRow } from "./AgreementRow.tsx";
import { openAgreements } from "./draft.ts";

/** The client's open afspraken, the first due first, and a new one. */
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
  if (!accessible.has("agreements")) {
    return (
      <section class="card agreements">
        <h2>{t("agreements.title")}</h2>
        <p class="hint">{t("agreements.notShared")}</p>
      </section>
    );
  }
  return (
    <CollapsibleSection name="agreements" title={t("agreements.title")} class="agreements">
      <ItemList
        items={openAgreements(view.agreements)}
        empty={t("agreements.empty")}
        item={(a) => <AgreementRow agreement={a} view={view} directory={directory} onEscalate={onEscalate} />}
      />
      <AddAgreementForm view={view} directory={directory} />
    </CollapsibleSection>
  );
}
