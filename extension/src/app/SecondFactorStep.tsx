import { useEffect, useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";

/** The code step of sign-in; at a first sign-in it first shows the QR code to enrol an authenticator app. */
export function SecondFactorStep({ enrol, busy, onCode }: { enrol: { secret: string; otpauthUri: string } | null; busy: boolean; onCode(code: string): void }) {
  const t = useT();
  const [code, setCode] = useState("");
  // An <img> of an SVG data address: the QR code is drawn without putting markup into the panel.
  // The QR library loads only at enrolment, not with the panel's first screen.
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    setQr(null);
    if (!enrol) return;
    let current = true;
    void import("uqr").then(({ renderSVG }) => {
      if (current) setQr(`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(enrol.otpauthUri))}`);
    });
    return () => {
      current = false;
    };
  }, [enrol]);
  return (
    <form
      class="card sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        onCode(code.trim());
      }}
    >
      <h1>{enrol ? t("enrol.title") : t("secondFactor.title")}</h1>
      {enrol && qr && (
        <>
          <p>{t("enrol.explain")}</p>
          <img class="qr" src={qr} alt={t("enrol.qr")} width={200} height={200} />
          <p>
            {t("enrol.secret")} <code data-testid="totp-secret">{enrol.secret}</code>
          </p>
        </>
      )}
      <label>
        {t("secondFactor.code")}
        <input name="code" autoComplete="one-time-code" inputMode="text" required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t("signIn.busy") : t("secondFactor.submit")}
      </button>
    </form>
  );
}

/** Shown once, right after enrolment: only their hashes stay on the server. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t("recovery.title")}</h2>
      <p>{t("recovery.explain")}</p>
      <ul class="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDone}>
        {t("recovery.done")}
      </button>
    </section>
  );
}
