import { useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import { visibleClients } from "../records/queries.ts";
import { db } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { likelyDuplicates, searchClients } from "./likely-duplicates.ts";

/**
 * An EPD id this organisation has not linked yet: link it to a shared client it may see, or
 * start one. She may well be in Naast already, held by another organisation that shares nothing
 * with this one yet: the device cannot know (it holds only what consent allows), so the panel
 * says so, searches what it may, and warns before a likely duplicate is created.
 */
export function LinkClient({ epdClientId }: { epdClientId: string }) {
  const t = useT();
  const clients = useLiveQuery(() => visibleClients(db), []) ?? [];
  const { run, error } = useMutate();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState("");
  const [alias, setAlias] = useState("");
  const [birthYear, setBirthYear] = useState("");
  // The likely duplicates she was warned about; a second click creates anyway.
  const [warned, setWarned] = useState<string | null>(null);
  const found = searchClients(clients, query).sort((a, b) => a.alias.localeCompare(b.alias));
  const duplicates = likelyDuplicates(clients, alias, Number(birthYear));
  const key = `${alias}|${birthYear}`;

  return (
    <section class="card link-client" aria-labelledby="link-title">
      <h2 id="link-title" tabIndex={-1}>
        {t("link.title", { epdId: epdClientId })}
      </h2>
      <p class="hint">{t("link.maybeElsewhere")}</p>
      {clients.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) void run("linkEpdRecord", { clientId: chosen, epdClientId });
          }}
        >
          <label>
            {t("link.search")}
            <input name="link-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          <label>
            {t("link.existing")}
            <select value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} required>
              <option value="">{t("link.choose", { count: found.length })}</option>
              {found.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.alias} ({c.birthYear})
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("link.submit")}</button>
        </form>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (duplicates.length > 0 && warned !== key) {
            setWarned(key);
            return;
          }
          void run("createClient", { id: crypto.randomUUID(), alias, birthYear: Number(birthYear), epdClientId });
        }}
      >
        <p>{t("link.new")}</p>
        <label>
          {t("link.alias")}
          <input name="link-alias" required maxLength={80} value={alias} onInput={(e) => setAlias(e.currentTarget.value)} />
        </label>
        <label>
          {t("link.birthYear")}
          <input
            name="link-birth-year"
            type="number"
            required
            min={1900}
            max={new Date().getFullYear()}
            value={birthYear}
            onInput={(e) => setBirthYear(e.currentTarget.value)}
          />
        </label>
        {warned === key && duplicates.length > 0 && (
          <div class="notice" role="alert" data-testid="likely-duplicate">
            <p>{t("link.likelyDuplicate", { clients: duplicates.map((c) => `${c.alias} (${c.birthYear})`) })}</p>
            {duplicates.map((c) => (
              <button key={c.id} type="button" onClick={() => void run("linkEpdRecord", { clientId: c.id, epdClientId })}>
                {t("link.linkTo", { client: `${c.alias} (${c.birthYear})` })}
              </button>
            ))}
          </div>
        )}
        <button type="submit" class={warned === key && duplicates.length > 0 ? "secondary" : ""}>
          {warned === key && duplicates.length > 0 ? t("link.createAnyway") : t("link.create")}
        </button>
      </form>
      <ErrorLine message={error} />
    </section>
  );
}
