import { deriveHandovers } from "@naast/shared";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { useMayRun } from "../hooks/use-may-run.ts";
import { LanguageContext, useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { CollapsibleSection } from "../ui/CollapsibleSection.tsx";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { outcomeText } from "./card.ts";
import { HandoverCard } from "./HandoverCard.tsx";
import { StartHandoverForm } from "./StartHandoverForm.tsx";

/**
 * The client's handovers: the open one in full, earlier ones folded away, and — for the
 * organisation that holds her — the way to start (or correct) one.
 */
export function HandoverSection({
  view,
  directory,
  session,
  onRecordConsent,
}: {
  view: ClientView;
  directory: Directory;
  session: Session;
  onRecordConsent(): void;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const heading = useRef<HTMLHeadingElement>(null);
  // The handover she just acknowledged or declined here: it leaves the open card, so the
  // outcome is said (and focused) at the top of the section.
  const [answeredId, setAnsweredId] = useState<string | null>(null);
  const answeredLine = useRef<HTMLParagraphElement>(null);
  const [writing, setWriting] = useState<"new" | "correction" | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const items = deriveHandovers(view.handovers, view.handoverEvents);
  const open = items.find((i) => i.status === "open") ?? null;
  // The latest handover stays in view while it is open, or when the client left Naast with it.
  const current = open ?? (items[0]?.status === "completed" ? items[0] : null);
  const earlier = items.filter((i) => i !== current && i.status !== "superseded");
  const may = useMayRun(session.user, view.client, view.consentEvents);
  const answered = items.find((i) => i.handover.id === answeredId)?.outcome ?? null;
  useEffect(() => {
    if (answered) answeredLine.current?.focus();
  }, [answered]);
  const mayStart = may("startHandover", { clientId: view.client.id, correctsHandoverId: null });

  const exportPackage = async (handoverId: string) => {
    setExportError(null);
    try {
      // The PDF and FHIR export loads when a package is made, not with the panel's first screen.
      const { exportHandover } = await import("./export-handover.ts");
      await exportHandover(view, directory, session, handoverId, language);
    } catch (error) {
      setExportError(describeRefusal(t, refusalOf(error)));
    }
  };

  return (
    <CollapsibleSection name="handover" title={t("handover.title")} class="handovers" testId="handovers" headingRef={heading}>
      {answered && (
        <p class="notice" ref={answeredLine} tabIndex={-1} data-testid="handover-answered">
          {outcomeText(t, language, answered, (id) => directory.people.get(id)?.name ?? id)}
        </p>
      )}
      {writing ? (
        <StartHandoverForm
          view={view}
          directory={directory}
          session={session}
          correcting={writing === "correction" ? (current?.handover ?? null) : null}
          onRecordConsent={onRecordConsent}
          onDone={() => {
            setWriting(null);
            heading.current?.focus();
          }}
        />
      ) : (
        <>
          {current && (
            <HandoverCard
              item={current}
              view={view}
              directory={directory}
              session={session}
              onCorrect={() => setWriting("correction")}
              onExport={() => void exportPackage(current.handover.id)}
              onAnswered={() => setAnsweredId(current.handover.id)}
            />
          )}
          {!open && mayStart && (
            <button type="button" onClick={() => setWriting("new")}>
              {t("handover.start")}
            </button>
          )}
          {!open && items.length === 0 && !mayStart && <p class="hint">{t("handover.none")}</p>}
        </>
      )}
      {earlier.length > 0 && (
        <details class="history">
          <summary>{t("handover.earlier", { count: earlier.length })}</summary>
          {earlier.map((item) => (
            <HandoverCard
              key={item.handover.id}
              item={item}
              view={view}
              directory={directory}
              session={session}
              onCorrect={() => undefined}
              onExport={() => void exportPackage(item.handover.id)}
            />
          ))}
        </details>
      )}
      <ErrorLine message={exportError} />
    </CollapsibleSection>
  );
}
