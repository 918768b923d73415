import { useEffect, useRef, useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import { notify } from "../messaging/send.ts";
import { signOut } from "../session/session.ts";
import { db } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/**
 * Signing out with changes not yet sent: the loss is spelled out, and the first choice keeps
 * them (send first, or — with an ended session — sign in again first). Only "discard" wipes.
 * Changes that get sent meanwhile (the network came back) turn it into a plain sign-out.
 */
export function SignOutCheck({ pending, canSend, onClose }: { pending: number; canSend: boolean; onClose(): void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const sendFirst = async () => {
    setBusy(true);
    setError(null);
    await notify({ type: "sync/now" });
    const left = await db.outbox.count();
    if (left === 0) await leave();
    else {
      const status = await db.getMeta("syncStatus");
      setError(t("signOut.notSent", { count: left, reason: status?.lastError ? describeRefusal(t, status.lastError) : "" }));
    }
    setBusy(false);
  };

  return (
    <section class="card sign-out" aria-labelledby="sign-out-heading" data-testid="sign-out-check">
      <h2 id="sign-out-heading" tabIndex={-1} ref={heading}>
        {t("signOut.title")}
      </h2>
      <p>{pending > 0 ? t("signOut.pendingLoss", { count: pending }) : t("signOut.allSent")}</p>
      <div class="actions">
        {pending === 0 ? (
          <button type="button" onClick={() => void leave()}>
            {t("signOut.now")}
          </button>
        ) : canSend ? (
          <button type="button" disabled={busy} onClick={() => void sendFirst()}>
            {t("signOut.sendFirst")}
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            {t("signOut.signInFirst")}
          </button>
        )}
        {pending > 0 && (
          <button type="button" class="danger" disabled={busy} onClick={() => void leave()}>
            {t("signOut.discard", { count: pending })}
          </button>
        )}
        <button type="button" class="secondary" onClick={onClose}>
          {t("signOut.cancel")}
        </button>
      </div>
      <ErrorLine message={error} />
    </section>
  );
}

/** Signs out, wipes the device and tells the background. */
export async function leave(): Promise<void> {
  await signOut();
  await notify({ type: "session/changed" });
}
