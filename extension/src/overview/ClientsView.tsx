import { type ClientFilter, type ClientRow, clientFilters, clientList } from "@naast/shared";
import { memo } from "preact/compat";
import { useContext, useMemo, useRef, useState } from "preact/hooks";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { useReturnFocus } from "./return-focus.ts";

/** The list's filter and search, kept by the panel while she opens a client and comes back. */
export interface ClientsChoice {
  filter: ClientFilter;
  query: string;
}
export const firstClientsChoice: ClientsChoice = { filter: "mine", query: "" };

/** Rows drawn at once: a team of hundreds of clients opens at once, the rest a click away. */
const pageSize = 100;

/**
 * Cliënten: every client this device holds (the server's visible set for her organisation, so
 * nothing more), filtered and searched; a row opens the same client view as beside the EPD.
 */
export function ClientsView({
  rows,
  directory,
  session,
  choice,
  onChoose,
  returnTo = null,
  onOpen,
}: {
  rows: readonly ClientRow[];
  directory: Directory;
  session: Session;
  choice: ClientsChoice;
  onChoose(choice: ClientsChoice): void;
  /** The client she comes back from: the focus returns to her line. */
  returnTo?: string | null;
  onOpen(clientId: string): void;
}) {
  const t = useT();
  const { filter, query } = choice;
  const setFilter = (next: ClientFilter) => onChoose({ filter: next, query });
  const setQuery = (next: string) => onChoose({ filter, query: next });
  const shown = useMemo(() => clientList(rows, filter, query, session.user), [rows, filter, query, session.user]);
  const section = useRef<HTMLElement>(null);
  useReturnFocus(section, returnTo);
  // How many rows are drawn, for this filter and search; another choice starts at one page again.
  const listKey = `${filter}|${query}`;
  const [more, setMore] = useState({ listKey, limit: pageSize });
  const limit = more.listKey === listKey ? more.limit : pageSize;
  return (
    <section class="card clients" aria-labelledby="clients-title" data-testid="clients" ref={section}>
      <h2 id="clients-title" tabIndex={-1}>
        {t("clients.title")}
      </h2>
      <fieldset class="filters">
        <legend>{t("clients.filter")}</legend>
        {clientFilters.map((f) => (
          <label key={f} class="check">
            <input type="radio" name="client-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
            {t(`clients.filter.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("clients.search")}
        <input type="search" name="client-search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <p class="hint" aria-live="polite">
        {t("clients.count", { count: shown.length })}
      </p>
      <ul class="rows">
        {shown.slice(0, limit).map((row) => (
          <ClientLine key={row.clientId} row={row} directory={directory} onOpen={onOpen} />
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" class="secondary" onClick={() => setMore({ listKey, limit: limit + pageSize })}>
          {t("clients.more", { count: Math.min(pageSize, shown.length - limit) })}
        </button>
      )}
    </section>
  );
}

/** A row re-renders only when its own values change, not when another client's records do. */
const ClientLine = memo(
  function ClientLine({ row, directory, onOpen }: { row: ClientRow; directory: Directory; onOpen(clientId: string): void }) {
    const t = useT();
    const { language } = useContext(LanguageContext);
    const holder = directory.people.get(row.responsibleUserId)?.name ?? "?";
    const organisation = directory.organisations.get(row.ownerOrganisationId)?.shortName ?? "?";
    return (
      <li data-testid="client-row" data-client-id={row.clientId} class={row.overdueAgreements > 0 ? "overdue" : undefined}>
        <button type="button" class="link" onClick={() => onOpen(row.clientId)}>
          {row.alias}
        </button>{" "}
        <span class="meta">{t("client.born", { year: row.birthYear })}</span> · {t(`client.status.${row.status}`)}
        <p class="meta">{t("clients.holder", { name: holder, organisation })}</p>
        <p class="meta">
          {row.daysSinceContact === null ? t("clients.noContact") : t("clients.lastContact", { days: row.daysSinceContact })} ·{" "}
          {t("clients.agreements", { open: row.openAgreements, overdue: row.overdueAgreements })} ·{" "}
          {row.consentEndsAt ? t("clients.consentUntil", { date: formatDay(language, row.consentEndsAt) }) : t("clients.noConsent")}
        </p>
      </li>
    );
  },
  (a, b) => a.directory === b.directory && a.onOpen === b.onOpen && sameRow(a.row, b.row),
);

const sameRow = (a: ClientRow, b: ClientRow) => (Object.keys(a) as (keyof ClientRow)[]).every((k) => a[k] === b[k]);
