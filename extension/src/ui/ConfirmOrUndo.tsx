import { useT } from "../i18n/index.ts";
import { UndoBar } from "./UndoBar.tsx";

/** The foot of a risky form: confirm or cancel; once confirmed, the few seconds' undo in their place. */
export function ConfirmOrUndo({ pending, onUndo, confirm, onCancel }: { pending: string | null; onUndo(): void; confirm: string; onCancel(): void }) {
  const t = useT();
  return (
    <>
      <UndoBar message={pending} onUndo={onUndo} />
      {!pending && (
        <>
          <button type="submit">{confirm}</button>
          <button type="button" class="secondary" onClick={onCancel}>
            {t("plan.cancel")}
          </button>
        </>
      )}
    </>
  );
}
