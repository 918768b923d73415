import type { ToDoItem } from "@naast/shared";
import { calendarToday } from "@naast/shared";
import { useContext, useRef } from "preact/hooks";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import { useReturnFocus } from "./return-focus.ts";

/**
 * Te doen: what needs her now across her clients, oldest first. An item leaves when the thing is
 * done (the records change), never because it was seen; each opens the client where it is about.
 */
export function TodoView({
  items,
  aliases,
  returnTo = null,
  onOpen,
}: {
  items: readonly ToDoItem[];
  aliases: ReadonlyMap<string, string>;
  /** The client she comes back from: the focus returns to her first item, or the heading once it is done. */
  returnTo?: string | null;
  onOpen(clientId: string, item: ToDoItem): void;
}) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const today = calendarToday();
  const section = useRef<HTMLElement>(null);
  useReturnFocus(section, returnTo);
  return (
    <section class="card todo" aria-labelledby="todo-title" data-testid="todo" ref={section}>
      <h2 id="todo-title" tabIndex={-1}>
        {t("todo.title")}
      </h2>
      {items.length === 0 && <p class="hint">{t("todo.empty")}</p>}
      <ul class="rows">
        {items.map((item) => (
          <li key={item.key} data-testid="todo-item" data-source={item.source} data-client-id={item.clientId}>
            <button type="button" class="link" onClick={() => onOpen(item.clientId, item)}>
              {aliases.get(item.clientId) ?? "?"}
            </button>
            {": "}
            {t(`todo.${item.source}`, {
              date: formatDay(language, item.day),
              about: item.about ?? "",
              past: item.day < today ? "yes" : "no",
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
