import { useEffect, useRef } from "preact/hooks";
import { useT } from "../i18n/index.ts";

/** "Afspraak … wordt afgerond. [Ongedaan maken]": announced, and the undo button takes the focus. */
export function UndoBar({ message, onUndo }: { message: string | null; onUndo(): void }) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (message) button.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p class="undo" role="status" data-testid="undo">
      {message}{" "}
      <button ref={button} type="button" class="secondary" onClick={onUndo}>
        {t("undo.button")}
      </button>
    </p>
  );
}
