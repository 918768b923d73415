import { useEffect, useMemo, useState } from "preact/hooks";
import { FiguresEntry } from "../figures/FiguresEntry.tsx";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useTabContext } from "../hooks/use-tab-context.ts";
import { type Language, LanguageContext, translator } from "../i18n/index.ts";
import { notify } from "../messaging/send.ts";
import { Workspace } from "../overview/Workspace.tsx";
import { loadDirectory } from "../records/queries.ts";
import { signOut } from "../session/session.ts";
import { db } from "../storage/db.ts";
import { RecoveryCodes } from "./SecondFactorStep.tsx";
import { SignIn } from "./SignIn.tsx";
import { StatusBar } from "./StatusBar.tsx";

export function App() {
  const language: Language = useLiveQuery(() => db.getMeta("language"), []) ?? "nl";
  const session = useLiveQuery(async () => (await db.getMeta("session")) ?? null, []);
  const { context } = useTabContext();
  const value = useMemo(() => ({ language, t: translator(language) }), [language]);
  const { t } = value;
  const directory = useLiveQuery(() => loadDirectory(db), []);
  // Shown once after enrolling a second factor, until she says she has kept them.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // The panel hears the network come back before a sleeping background worker does.
  useEffect(() => {
    const syncNow = () => void notify({ type: "sync/now" });
    addEventListener("online", syncNow);
    return () => removeEventListener("online", syncNow);
  }, []);

  const leave = async () => {
    const pending = await db.outbox.count();
    if (pending > 0 && !confirm(t("signOut.confirmPending", { count: pending }))) return;
    await signOut();
    await notify({ type: "session/changed" });
  };

  return (
    <LanguageContext.Provider value={value}>
      <div class="app" lang={language}>
        {/* Past the language and sign-out controls, straight to the client (WCAG 2.4.1). */}
        <a class="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <nav class="top">
          <strong>{t("app.title")}</strong>
          <label class="inline">
            <span class="visually-hidden">{t("app.language")}</span>
            <select value={language} onChange={(e) => void db.setMeta("language", e.currentTarget.value as Language)}>
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </select>
          </label>
          {session && (
            <button type="button" class="secondary" onClick={() => void leave()}>
              {t("signOut.button")}
            </button>
          )}
        </nav>
        <main id="main" tabIndex={-1}>
          {session === undefined ? null : session === null ? (
            <SignIn onRecoveryCodes={setRecoveryCodes} />
          ) : recoveryCodes ? (
            <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
          ) : (
            <>
              <p class="signed-in">
                {t("signedInAs", { name: session.user.name, organisation: directory?.organisations.get(session.user.organisationId)?.shortName ?? "" })}
              </p>
              <StatusBar />
              {/* The policy officer holds no client: the figures are her panel. */}
              {session.user.role !== "policy" && <Workspace session={session} directory={directory} context={context} />}
              <FiguresEntry session={session} />
            </>
          )}
        </main>
      </div>
    </LanguageContext.Provider>
  );
}
