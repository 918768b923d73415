import { type AccessDecision, type Contact, type ContactType, chosenContactTypes, currentContacts, type DataCategory, lastContactAt } from "@naast/shared";
import { useContext, useEffect, useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import type { ClientView, Directory } from "../records/queries.ts";
import { CollapsibleSection } from "../ui/CollapsibleSection.tsx";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { formatMoment, localInputValue } from "../ui/moment.ts";

/** How many contacts show at first, and how many more each "Meer tonen" adds. */
const page = 5;

/**
 * Contacts with the client (what used to be notes): when, which kind, a no-show, the text. Paged,
 * newest first; a contact is corrected by writing a new one that points to it (append-only).
 */
export function ContactsSection({ view, directory, accessible }: { view: ClientView; directory: Directory; accessible: Map<DataCategory, AccessDecision> }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const [shown, setShown] = useState(page);
  const [correcting, setCorrecting] = useState<Contact | null>(null);
  if (!accessible.has("notes")) {
    return (
      <section class="card notes">
        <h2>{t("contacts.title")}</h2>
        <p class="hint">{t("contacts.notShared")}</p>
      </section>
    );
  }
  const contacts = currentContacts(view.notes);
  const last = lastContactAt(view.notes);

  return (
    <CollapsibleSection name="contacts" title={t("contacts.title")} class="notes">
      <p data-testid="last-contact">
        {last ? t("contacts.last", { date: formatDay(language, last) }) : contacts.length > 0 ? t("contacts.onlyNoShows") : t("contacts.none")}
      </p>
      <ul>
        {contacts.slice(0, shown).map((c) => (
          <li key={c.id} data-testid="contact">
            <p class="meta">
              <strong>{t(`contacts.type.${c.type}` as MessageKey)}</strong> · {formatMoment(language, c.at)}
              {c.noShow && <strong class="badge">{t("contacts.noShow")}</strong>}
              {c.correctsNoteId && <span> · {t("contacts.corrected")}</span>}
            </p>
            <p>{c.text}</p>
            <p class="meta">
              {directory.people.get(c.authorUserId)?.name ?? "?"} ({directory.organisations.get(c.authorOrganisationId)?.shortName ?? "?"}){" "}
              <button type="button" class="link" onClick={() => setCorrecting(c)}>
                {t("contacts.correct")}
              </button>
            </p>
          </li>
        ))}
      </ul>
      {contacts.length > shown && (
        <button type="button" class="secondary" onClick={() => setShown(shown + page * 2)}>
          {t("contacts.more", { count: contacts.length - shown })}
        </button>
      )}
      <ContactForm key={correcting?.id ?? "new"} clientId={view.client.id} correcting={correcting} onDone={() => setCorrecting(null)} />
    </CollapsibleSection>
  );
}

function ContactForm({ clientId, correcting, onDone }: { clientId: string; correcting: Contact | null; onDone(): void }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  // null: "now", the moment she saves (the form may stay open for hours beside the EPD); a moment
  // once she picks one, or the corrected contact's.
  const [when, setWhen] = useState<string | null>(correcting ? localInputValue(correcting.at) : null);
  const now = useNow(when === null);
  const [type, setType] = useState<ContactType | "">(correcting && correcting.type !== "unknown" ? correcting.type : "");
  const [noShow, setNoShow] = useState(correcting?.noShow ?? false);
  const [text, setText] = useState(correcting?.text ?? "");

  const save = async (event: Event) => {
    event.preventDefault();
    if (!type) return;
    const args = {
      id: crypto.randomUUID(),
      clientId,
      text,
      correctsNoteId: correcting?.id ?? null,
      contactAt: when === null ? new Date().toISOString() : new Date(when).toISOString(),
      contactType: type,
      noShow,
    };
    if (await run("addNote", args)) {
      setText("");
      setNoShow(false);
      setWhen(null);
      onDone();
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="contact-form-title">
      <h3 id="contact-form-title">{correcting ? t("contacts.correcting", { date: formatMoment(language, correcting.at) }) : t("contacts.add")}</h3>
      <label>
        {t("contacts.when")}
        <input
          name="contact-when"
          type="datetime-local"
          required
          max={localInputValue(new Date().toISOString())}
          value={when ?? localInputValue(now)}
          onInput={(e) => setWhen(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("contacts.type")}
        <select name="contact-type" required value={type} onChange={(e) => setType(e.currentTarget.value as ContactType | "")}>
          <option value="" />
          {chosenContactTypes.map((c) => (
            <option key={c} value={c}>
              {t(`contacts.type.${c}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label class="inline">
        <input name="contact-no-show" type="checkbox" checked={noShow} onChange={(e) => setNoShow(e.currentTarget.checked)} />
        {t("contacts.noShowLabel")}
      </label>
      <label>
        {t("contacts.text")}
        <textarea name="note" required maxLength={20000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit">{correcting ? t("contacts.saveCorrection") : t("contacts.save")}</button>
      {correcting && (
        <button type="button" class="secondary" onClick={onDone}>
          {t("plan.cancel")}
        </button>
      )}
      <ErrorLine message={error} />
    </form>
  );
}

/** The current moment, kept up to date every 20 seconds while `running`: the form shows "now" as it moves. */
function useNow(running: boolean): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!running) return;
    setNow(new Date().toISOString());
    const timer = setInterval(() => setNow(new Date().toISOString()), 20_000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
