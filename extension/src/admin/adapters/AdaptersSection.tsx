import { hostOfPattern } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useLiveQuery } from "../../hooks/use-live-query.ts";
import { LanguageContext, useT } from "../../i18n/index.ts";
import { readAdapters } from "../../portal/read-adapters.ts";
import { db } from "../../storage/db.ts";
import { formatMoment } from "../../ui/moment.ts";
import type { BeheerSectionProps } from "../sections.ts";
import { type AdapterCheck, checkAdapters, snapshotRequest, snapshotTab } from "./check-tab.ts";

/** The tab beside the panel: the pinned one (`?tab=`), or the active tab of this window. */
async function openTabId(): Promise<number | null> {
  const pinned = Number(new URLSearchParams(location.search).get("tab")) || null;
  if (pinned) return pinned;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

/**
 * Her organisation's EPD portals as the extension has them (synced adapters, removed ones marked),
 * and a check of the open tab against them: "Herkend: cliëntnummer 123456", or why not. Adding
 * and removing is `pnpm cli adapter` (server/src/cli/adapter.ts).
 */
export function AdaptersSection({ session }: BeheerSectionProps) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const adapters = (useLiveQuery(() => readAdapters(db), []) ?? [])
    .filter((a) => a.organisationId === session.user.organisationId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const [checks, setChecks] = useState<AdapterCheck[] | "no-tab" | "no-access" | null>(null);

  const check = async () => {
    const tabId = await openTabId();
    if (tabId === null) return setChecks("no-tab");
    const frames = await snapshotTab(tabId, snapshotRequest(adapters));
    setChecks(frames === null || frames.length === 0 ? "no-access" : checkAdapters(adapters, frames));
  };
  const outcome = (c: AdapterCheck) => {
    switch (c.outcome) {
      case "recognised":
        return t("beheer.adapters.recognised", { id: c.epdClientId });
      case "no-client":
        return t("beheer.adapters.noClient");
      case "other-address":
        return t("beheer.adapters.otherAddress");
      case "removed":
        return t("beheer.adapters.removedNotRead");
    }
  };

  if (adapters.length === 0) return <p class="hint">{t("beheer.adapters.none")}</p>;
  return (
    <>
      <p class="hint">{t("beheer.adapters.explain")}</p>
      <ul data-testid="beheer-adapter-list">
        {adapters.map((a) => {
          const result = Array.isArray(checks) ? checks.find((c) => c.adapterId === a.id) : undefined;
          return (
            <li key={a.id} data-testid="beheer-adapter" data-adapter={a.id}>
              <strong>{a.displayName}</strong> <span class="meta">{hostOfPattern(a.matchPattern)}</span>
              {a.removedAt && <span class="meta"> · {t("beheer.adapters.removed", { when: formatMoment(language, a.removedAt) })}</span>}
              {result && (
                <p data-testid="beheer-adapter-check" data-outcome={result.outcome}>
                  {outcome(result)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => void check()}>
        {t("beheer.adapters.check")}
      </button>
      <p role="status" class="hint">
        {checks === "no-tab" ? t("beheer.adapters.noTab") : checks === "no-access" ? t("beheer.adapters.noAccess") : ""}
      </p>
    </>
  );
}
