import type { Handover } from "@naast/shared";
import { useState } from "preact/hooks";
import type { useMutate } from "../hooks/use-mutate.ts";
import { undoSeconds, useUndoable } from "../hooks/use-undoable.ts";
import { useT } from "../i18n/index.ts";
import { ConfirmOrUndo } from "../ui/ConfirmOrUndo.tsx";

/** The receiver's answer to an open handover: acknowledge it, or decline it with a reason (with a few seconds to undo). */
export function HandoverAnswer({
  handover,
  blocked,
  run,
  onAnswered,
}: {
  handover: Handover;
  /** An added afspraak has no one to keep it: acknowledging waits for the sender. */
  blocked: boolean;
  run: ReturnType<typeof useMutate>["run"];
  onAnswered(): void;
}) {
  const t = useT();
  const { pending, schedule, undo } = useUndoable();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const base = { clientId: handover.clientId, handoverId: handover.id };

  if (!declining) {
    return (
      <div>
        <button
          type="button"
          disabled={blocked}
          onClick={async () => {
            if (await run("acknowledgeHandover", { ...base, id: crypto.randomUUID() })) onAnswered();
          }}
        >
          {t("handover.acknowledge")}
        </button>
        <button type="button" class="secondary" onClick={() => setDeclining(true)}>
          {t("handover.decline")}
        </button>
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        schedule(t("handover.declineUndo", { seconds: undoSeconds }), async () => {
          if (await run("declineHandover", { ...base, id: crypto.randomUUID(), reason })) {
            setDeclining(false);
            onAnswered();
          }
        });
      }}
    >
      <label>
        {t("handover.declineReason")}
        <textarea name="handover-decline-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <ConfirmOrUndo pending={pending} onUndo={undo} confirm={t("handover.decline")} onCancel={() => setDeclining(false)} />
    </form>
  );
}
