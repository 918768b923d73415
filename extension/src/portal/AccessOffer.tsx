import { useEffect, useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useT } from "../i18n/index.ts";
import type { Session } from "../storage/db.ts";
import { db } from "../storage/db.ts";
import { type AccessOffer, accessOffers } from "./access.ts";
import { accessOptions } from "./platform.ts";
import { readAdapters } from "./read-adapters.ts";

/** Her organisation's portals the browser does not let Naast read yet; asked again when a grant changes. */
function useMissingAccess(organisationId: string): AccessOffer[] {
  const adapters = useLiveQuery(() => readAdapters(db).catch(() => []), []);
  const [missing, setMissing] = useState<AccessOffer[]>([]);
  useEffect(() => {
    let live = true;
    const check = async () => {
      const offers = accessOffers(adapters ?? [], organisationId, accessOptions());
      const granted = await Promise.all(offers.map((o) => browser.permissions.contains({ origins: [o.origin] }).catch(() => false)));
      if (live) setMissing(offers.filter((_, i) => !granted[i]));
    };
    void check();
    // A grant here, or a permission revoked in the browser's settings: offer again.
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [adapters, organisationId]);
  return missing;
}

/**
 * "Naast laten meelezen op <host>": one button per portal of her organisation that Naast may not
 * read yet. The click asks the browser for exactly that origin (a user gesture, so called straight
 * from the click); the background then registers the content script for it (decision 0022).
 */
export function PortalAccessOffer({ session }: { session: Session }) {
  const t = useT();
  const missing = useMissingAccess(session.user.organisationId);
  const [refused, setRefused] = useState<string | null>(null);
  if (missing.length === 0) return null;
  const ask = (offer: AccessOffer) => {
    setRefused(null);
    // No await before this call: the browser asks only within the click.
    browser.permissions.request({ origins: [offer.origin] }).then(
      (granted) => setRefused(granted ? null : offer.host),
      () => setRefused(offer.host),
    );
  };
  return (
    <section class="portal-access" aria-labelledby="portal-access-title">
      <h2 id="portal-access-title">{t("portalAccess.title")}</h2>
      <p>{t("portalAccess.explain")}</p>
      <ul>
        {missing.map((offer) => (
          <li key={offer.origin}>
            <button type="button" onClick={() => ask(offer)}>
              {t("portalAccess.grant", { host: offer.host })}
            </button>{" "}
            <span class="meta">{offer.portalName}</span>
          </li>
        ))}
      </ul>
      {refused && (
        <p role="status" class="meta">
          {t("portalAccess.refused", { host: refused })}
        </p>
      )}
    </section>
  );
}
