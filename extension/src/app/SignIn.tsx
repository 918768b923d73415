import { useEffect, useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { describeRefusal, refusalOf } from "../i18n/refusal.ts";
import { notify } from "../messaging/send.ts";
import { type ManagedServer, managedServer } from "../session/server-address.ts";
import { defaultServerUrl, finishSignIn, type SignInStep, startSignIn } from "../session/session.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { SecondFactorStep } from "./SecondFactorStep.tsx";

type Waiting = Exclude<SignInStep, { step: "signed-in" }>;

/**
 * The sign-in form. `again`: her session ended (expired, revoked) — she signs in again in place,
 * as herself, and keeps everything on the device, the changes not yet sent included.
 */
export function SignIn({ onRecoveryCodes, again, pending = 0 }: { onRecoveryCodes(codes: string[]): void; again?: Session; pending?: number }) {
  const t = useT();
  const [serverUrl, setServerUrl] = useState(again?.serverUrl ?? defaultServerUrl);
  const [email, setEmail] = useState(again?.email ?? "");
  const [password, setPassword] = useState("");
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set by the organisation's browser policy: that server, and when locked no field to change it.
  const [preset, setPreset] = useState<ManagedServer | null>(null);
  useEffect(() => {
    void managedServer().then((managed) => {
      setPreset(managed);
      if (managed && !again) setServerUrl(managed.serverUrl);
    });
  }, []);

  const attempt = async (step: () => Promise<SignInStep>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await step();
      if (next.step === "signed-in") {
        if (next.recoveryCodes) onRecoveryCodes(next.recoveryCodes);
        await notify({ type: "session/changed" });
      } else setWaiting(next);
    } catch (e) {
      const refused = refusalOf(e, serverUrl);
      setError(t("signIn.failed", { reason: describeRefusal(t, refused) }));
      // An expired challenge: back to the password.
      if (refused.code === "signIn.challenge-expired") setWaiting(null);
    } finally {
      setBusy(false);
    }
  };

  if (waiting) {
    return (
      <>
        <SecondFactorStep
          enrol={waiting.step === "enrol" ? waiting : null}
          busy={busy}
          onCode={(code) => void attempt(() => finishSignIn(waiting, password, code))}
        />
        <ErrorLine message={error} />
      </>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    void attempt(() => startSignIn(serverUrl, email, password));
  };

  return (
    <form class="card sign-in" onSubmit={submit}>
      <h1>{again ? t("signIn.againTitle") : t("signIn.title")}</h1>
      {again && <p data-testid="sign-in-again">{t("signIn.againExplain", { name: again.user.name, count: pending })}</p>}
      {!again && preset?.locked && (
        <p data-testid="preset-server">
          {t("signIn.serverPreset")}: <strong>{preset.serverUrl}</strong>
        </p>
      )}
      {!again && !preset?.locked && (
        <label>
          {t("signIn.server")}
          <input type="url" required value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
        </label>
      )}
      <label>
        {t("signIn.email")}
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          readOnly={Boolean(again?.email)}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("signIn.password")}
        <input type="password" name="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t("signIn.busy") : t("signIn.submit")}
      </button>
      <ErrorLine message={error} />
    </form>
  );
}
