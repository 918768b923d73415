import type { RecordOf } from "@naast/shared";
import { categoryLabel, useT } from "../i18n/index.ts";
import { type ClientView, colleagueName, type Directory } from "../records/queries.ts";

/** What the sender wrote, read-only: a handover is never edited, only corrected by a new one. */
export function HandoverContent({ handover, view, directory }: { handover: RecordOf<"handovers">; view: ClientView; directory: Directory }) {
  const t = useT();
  const person = (id: string) => colleagueName(directory, id);
  const about = (domain: RecordOf<"handovers">["sectionDomains"]["risks"]) => (domain ? ` (${categoryLabel(t, domain)})` : "");
  const agreementText = (id: string) => view.agreements.find((a) => a.id === id)?.text ?? t("handover.agreementNotShared");
  return (
    <div class="handover-content">
      {handover.domains.map((d) => (
        <p key={d.domain} data-domain={d.domain}>
          <strong>{categoryLabel(t, d.domain)}</strong>
          {d.score !== null && <span class={`score score-${d.score}`}>{d.score}</span>}: {d.situation}
        </p>
      ))}
      {handover.risks && (
        <p>
          <strong>
            {t("handover.risks")}
            {about(handover.sectionDomains.risks)}:
          </strong>{" "}
          {handover.risks}
        </p>
      )}
      {handover.whatWorks && (
        <p>
          <strong>
            {t("handover.whatWorks")}
            {about(handover.sectionDomains.whatWorks)}:
          </strong>{" "}
          {handover.whatWorks}
        </p>
      )}
      {handover.network.length > 0 && (
        <>
          <h4>{t("handover.network")}</h4>
          <ul>
            {handover.network.map((c, i) => (
              <li key={i}>
                {c.name}
                {c.role && ` — ${c.role}`}
                {c.reachableAt && ` — ${c.reachableAt}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {handover.agreements.length > 0 && (
        <>
          <h4>{t("handover.agreements")}</h4>
          <ul>
            {handover.agreements.map((a) => (
              <li key={a.agreementId}>
                {agreementText(a.agreementId)} —{" "}
                {a.action === "carry"
                  ? t("handover.carriedTo", { name: person(a.newOwnerUserId) })
                  : a.action === "done"
                    ? t("handover.closeDone")
                    : t("handover.closeCancelled")}
              </li>
            ))}
          </ul>
        </>
      )}
      {handover.text && <p class="handover-text">{handover.text}</p>}
    </div>
  );
}
