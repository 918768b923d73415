import { useState } from "preact/hooks";
import { useT } from "../i18n/index.ts";
import type { Session } from "../storage/db.ts";
import { beheerSections } from "./sections.ts";
import "./beheer.css";

/**
 * The organisation admin's Beheer view (issue 18, point 4): her organisation's accounts, and the
 * open work that deactivated colleagues left; each part is a section of `beheerSections`.
 * Everything is asked from the server when shown (online only): the directory procedures are hers alone.
 */
export function BeheerView({ session }: { session: Session }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <div class="beheer" data-testid="beheer">
      <h2>{t("beheer.heading")}</h2>
      <p class="hint">{t("beheer.explain")}</p>
      {beheerSections.map(({ key, title, Component }) => (
        <section key={key} class="card beheer-section" aria-labelledby={`beheer-${key}`} data-testid={`beheer-${key}`}>
          <h3 id={`beheer-${key}`}>{t(title)}</h3>
          <Component session={session} version={version} changed={changed} />
        </section>
      ))}
    </div>
  );
}
