import type { AccessDecision, DataCategory } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import { ErrorLine } from "./ErrorLine.tsx";
import type { ClientView, Directory } from "./queries.ts";
import { useMutate } from "./use-mutate.ts";

const shownNotes = 5;

export function NotesSection({ view, directory, accessible }: { view: ClientView; directory: Directory; accessible: Map<DataCategory, AccessDecision> }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const [text, setText] = useState("");
  if (!accessible.has("notes")) {
    return (
      <section class="card notes">
        <h2>{t("notes.title")}</h2>
        <p class="hint">{t("notes.notShared")}</p>
      </section>
    );
  }
  const latest = [...view.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, shownNotes);

  return (
    <section class="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t("notes.title")}</h2>
      {latest.length === 0 && <p class="hint">{t("notes.empty")}</p>}
      <ul>
        {latest.map((n) => (
          <li key={n.id} data-testid="note">
            <p>{n.text}</p>
            <p class="meta">
              {directory.people.get(n.authorUserId)?.name ?? "?"} ({directory.organisations.get(n.authorOrganisationId)?.shortName ?? "?"}) ·{" "}
              {formatDay(language, n.createdAt)}
            </p>
          </li>
        ))}
      </ul>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await run("addNote", { id: crypto.randomUUID(), clientId: view.client.id, text, correctsNoteId: null })) setText("");
        }}
      >
        <label>
          {t("notes.add")}
          <textarea name="note" required maxLength={20000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">{t("notes.save")}</button>
      </form>
      <ErrorLine message={error} />
    </section>
  );
}
