import { useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import { notify } from "../messaging/send.ts";
import { isEndedSession } from "../session/ended.ts";
import { unlockDevice } from "../session/session.ts";
import { db } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/** The locked panel: the password unlocks it again; nothing on the device was thrown away. */
export function Unlock({ pending }: { pending: number }) {
  const t = useT();
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unlockDevice(password);
      setPassword("");
      await notify({ type: "sync/now" });
    } catch (e) {
      const refused = refusalOf(e);
      // The session ended while locked: the panel turns to signing in again, which unlocks too.
      if (isEndedSession(refused)) {
        const status = await db.getMeta("syncStatus");
        await db.setMeta("syncStatus", { online: true, lastSyncAt: status?.lastSyncAt ?? null, lastError: refused });
      } else setError(t("unlock.failed", { reason: describeRefusal(t, refused) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card sign-in" onSubmit={submit}>
      <h1>{t("unlock.title")}</h1>
      <p>{t("unlock.explain")}</p>
      {pending > 0 && <p data-testid="locked-pending">{t("unlock.pending", { count: pending })}</p>}
      <label>
        {t("signIn.password")}
        <input type="password" name="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t("unlock.submit")}
      </button>
      <ErrorLine message={error} />
    </form>
  );
}
