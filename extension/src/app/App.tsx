import { useEffect, useMemo, useState } from "preact/hooks";
import { BeheerEntry } from "../admin/BeheerEntry.tsx";
import { FiguresEntry } from "../figures/FiguresEntry.tsx";
import { sameJson, useLiveQuery } from "../hooks/use-live-query.ts";
import { useLock } from "../hooks/use-lock.ts";
import { useTabContext } from "../hooks/use-tab-context.ts";
import { type Language, LanguageContext, languageLoaded, loadLanguage, translator } from "../i18n/index.ts";
import { notify } from "../messaging/send.ts";
import { Workspace } from "../overview/Workspace.tsx";
import { PortalAccessOffer } from "../portal/AccessOffer.tsx";
import { loadDirectory, loadYearFigures } from "../records/queries.ts";
import { shareDirectory } from "../records/share.ts";
import { sessionEnded } from "../session/ended.ts";
import { db } from "../storage/db.ts";
import { type PanelData, PanelDataContext } from "./panel-data.ts";
import { RecoveryCodes } from "./SecondFactorStep.tsx";
import { SignIn } from "./SignIn.tsx";
import { leave, SignOutCheck } from "./SignOut.tsx";
import { StatusBar } from "./StatusBar.tsx";
import { Unlock } from "./Unlock.tsx";

export function App() {
  const chosen: Language = useLiveQuery(() => db.getMeta("language"), []) ?? "nl";
  // English is loaded on demand (i18n/index.ts): the panel speaks the chosen language once it is there.
  const [language, setLanguage] = useState<Language>("nl");
  useEffect(() => {
    if (languageLoaded(chosen)) {
      setLanguage(chosen);
      return;
    }
    let current = true;
    void loadLanguage(chosen).then(() => current && setLanguage(chosen));
    return () => {
      current = false;
    };
  }, [chosen]);
  const session = useLiveQuery(async () => (await db.getMeta("session")) ?? null, [], sameJson);
  const { context } = useTabContext();
  const value = useMemo(() => ({ language, t: translator(language) }), [language]);
  const { t } = value;
  const locked = useLock();
  // Content opens only with the key: nothing reads records while locked.
  const directory = useLiveQuery(
    () => (locked === false ? loadDirectory(db) : undefined),
    [locked],
    (a, b) => (a && b ? shareDirectory(a, b) : b),
  );
  const year = new Date().getFullYear();
  const figures = useLiveQuery(() => (locked === false ? loadYearFigures(db, year) : undefined), [locked, year], sameJson);
  // Read here once for every client view, not by each: the next client's view has them at once.
  const panelData = useMemo<PanelData>(() => ({ directory, figures }), [directory, figures]);
  const pending = useLiveQuery(() => db.outbox.count(), []);
  const ended = sessionEnded(useLiveQuery(() => db.getMeta("syncStatus"), []));
  // Signing out with changes not yet sent asks first (SignOutCheck).
  const [leaving, setLeaving] = useState(false);
  // Shown once after enrolling a second factor, until she says she has kept them.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // The panel hears the network come back before a sleeping background worker does.
  useEffect(() => {
    const syncNow = () => void notify({ type: "sync/now" });
    addEventListener("online", syncNow);
    return () => removeEventListener("online", syncNow);
  }, []);

  const signOutClicked = async () => {
    if ((await db.outbox.count()) > 0) setLeaving(true);
    else await leave();
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
            <select value={chosen} onChange={(e) => void db.setMeta("language", e.currentTarget.value as Language)}>
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </select>
          </label>
          {session && (
            <button type="button" class="secondary" onClick={() => void signOutClicked()}>
              {t("signOut.button")}
            </button>
          )}
        </nav>
        {session && leaving && <SignOutCheck pending={pending ?? 0} canSend={!ended && !locked} onClose={() => setLeaving(false)} />}
        <main id="main" tabIndex={-1}>
          {session === undefined || (session && locked === null) ? null : session === null ? (
            <SignIn onRecoveryCodes={setRecoveryCodes} />
          ) : ended ? (
            <SignIn again={session} pending={pending ?? 0} onRecoveryCodes={setRecoveryCodes} />
          ) : locked ? (
            <Unlock pending={pending ?? 0} />
          ) : recoveryCodes ? (
            <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
          ) : (
            <>
              <p class="signed-in">
                {t("signedInAs", { name: session.user.name, organisation: directory?.organisations.get(session.user.organisationId)?.shortName ?? "" })}
              </p>
              <StatusBar />
              <PortalAccessOffer session={session} />
              <BeheerEntry session={session} />
              {/* The policy officer holds no client: the figures are her panel. */}
              {session.user.role !== "policy" && (
                <PanelDataContext.Provider value={panelData}>
                  <Workspace session={session} directory={directory} context={context} />
                </PanelDataContext.Provider>
              )}
              <FiguresEntry session={session} />
            </>
          )}
        </main>
      </div>
    </LanguageContext.Provider>
  );
}
