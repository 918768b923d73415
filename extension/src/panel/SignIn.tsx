import { TRPCClientError } from "@trpc/client";
import { useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import { defaultServerUrl, signIn } from "../session/session.ts";
import { ErrorLine } from "./ErrorLine.tsx";

export function SignIn() {
  const t = useT();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(serverUrl, email, password);
      await browser.runtime.sendMessage({ type: "session/changed" }).catch(() => undefined);
    } catch (e) {
      setError(t("signIn.failed", { reason: e instanceof TRPCClientError || e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card sign-in" onSubmit={submit}>
      <h1>{t("signIn.title")}</h1>
      <label>
        {t("signIn.server")}
        <input type="url" required value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
      </label>
      <label>
        {t("signIn.email")}
        <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
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
