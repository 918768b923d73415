import { useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import { visibleClients } from "../records/queries.ts";
import { db } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/** An EPD id Naast does not know yet: link it to a shared client, or start one. */
export function LinkClient({ epdClientId }: { epdClientId: string }) {
  const t = useT();
  const clients = useLiveQuery(() => visibleClients(db), []) ?? [];
  const { run, error } = useMutate();
  const [chosen, setChosen] = useState("");
  const [alias, setAlias] = useState("");
  const [birthYear, setBirthYear] = useState("");

  return (
    <section class="card link-client">
      <h2>{t("link.title", { epdId: epdClientId })}</h2>
      {clients.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) void run("linkEpdRecord", { clientId: chosen, epdClientId });
          }}
        >
          <label>
            {t("link.existing")}
            <select value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} required>
              <option value="">{t("link.choose")}</option>
              {clients.map((c) => (
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
          void run("createClient", { id: crypto.randomUUID(), alias, birthYear: Number(birthYear), epdClientId });
        }}
      >
        <p>{t("link.new")}</p>
        <label>
          {t("link.alias")}
          <input required maxLength={80} value={alias} onInput={(e) => setAlias(e.currentTarget.value)} />
        </label>
        <label>
          {t("link.birthYear")}
          <input type="number" required min={1900} max={new Date().getFullYear()} value={birthYear} onInput={(e) => setBirthYear(e.currentTarget.value)} />
        </label>
        <button type="submit">{t("link.create")}</button>
      </form>
      <ErrorLine message={error} />
    </section>
  );
}
