import { useContext } from "preact/hooks";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Api } from "../sync/api.ts";

export type OpenWork = Awaited<ReturnType<Api["directory"]["deactivateUser"]["mutate"]>>;

/**
 * What a deactivated colleague left that needs a new owner: her clients and her open afspraken, as
 * far as her organisation may see them (the server filters; nothing else is counted here).
 */
export function OpenWorkList({ work, headingLevel = 4 }: { work: OpenWork; headingLevel?: 3 | 4 }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const id = `open-work-${work.person.id}`;
  return (
    <section class="open-work" aria-labelledby={id} data-testid="open-work">
      <Heading id={id}>{t("beheer.openWork.title", { name: work.person.name })}</Heading>
      {work.clients.length === 0 && work.agreements.length === 0 ? (
        <p class="hint">{t("beheer.openWork.nothing", { name: work.person.name })}</p>
      ) : (
        <>
          <p class="hint">{t("beheer.openWork.explain")}</p>
          {work.clients.length > 0 && (
            <>
              <p>{t("beheer.openWork.clients", { count: work.clients.length })}</p>
              <ul data-testid="open-work-clients">
                {work.clients.map((c) => (
                  <li key={c.id}>{c.alias}</li>
                ))}
              </ul>
            </>
          )}
          {work.agreements.length > 0 && (
            <>
              <p>{t("beheer.openWork.agreements", { count: work.agreements.length })}</p>
              <ul data-testid="open-work-agreements">
                {work.agreements.map((a) => (
                  <li key={a.id}>{t("beheer.openWork.agreement", { client: a.clientAlias, text: a.text, due: formatDay(language, a.dueDate) })}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
