import { calendarDay, caseload, maySeeCaseload, type ToDoTarget } from "@naast/shared";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ClientPanel } from "../app/ClientPanel.tsx";
import { ClientView } from "../app/ClientView.tsx";
import { EscalationQueue } from "../escalation/EscalationQueue.tsx";
import { PriorityList } from "../escalation/PriorityList.tsx";
import { HolderOverview } from "../flexbudget/HolderOverview.tsx";
import { HandoverInbox } from "../handover/HandoverInbox.tsx";
import { useT } from "../i18n/index.ts";
import type { TabContext } from "../messaging/protocol.ts";
import type { Directory } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { type ClientsChoice, ClientsView, firstClientsChoice } from "./ClientsView.tsx";
import { TeamView } from "./TeamView.tsx";
import { TodoView } from "./TodoView.tsx";
import { useClientRows, useOverview, useToDo } from "./use-overview.ts";
import "./overview.css";

export const panelViews = ["epd", "clients", "todo", "team"] as const;
export type PanelView = (typeof panelViews)[number];

/** A client opened from a list or the handover inbox, and the section to open at. */
interface Opened {
  clientId: string;
  focus: ToDoTarget | null;
}

/**
 * The panel's views once signed in: the client beside the EPD, and the team's overview (Cliënten,
 * Te doen), which need no portal tab at all: they read what the device holds.
 */
export function Workspace({ session, directory, context }: { session: Session; directory: Directory | undefined; context: TabContext | null }) {
  const t = useT();
  const [view, setView] = useState<PanelView>("epd");
  const [opened, setOpened] = useState<Opened | null>(null);
  // Kept here, not in the list: back from a client she finds the list as she left it.
  const [clientsChoice, setClientsChoice] = useState<ClientsChoice>(firstClientsChoice);
  // The client she just came back from: the list puts the focus on her line again (or on its heading when she left it).
  const [returnTo, setReturnTo] = useState<string | null>(null);
  // Beside the EPD, a client opened from the inbox or a queue gives way when the EPD moves on to
  // another client. The portal tab's first report is no move: its content script only knows the
  // portal once the adapters have synced after sign-in, which may come after she opened someone.
  const epdClientId = context ? context.epdClientId : undefined;
  const lastEpdClient = useRef(epdClientId);
  useEffect(() => {
    if (epdClientId === undefined) return;
    const before = lastEpdClient.current;
    lastEpdClient.current = epdClientId;
    if (before !== undefined && before !== epdClientId && view === "epd") setOpened(null);
  }, [epdClientId]);

  // Read beside the EPD too (summaries only, and only those that changed), so that Cliënten, Te
  // doen and Team open on what is already read; derived only while one of them is shown.
  const live = useOverview(session.user, true);
  const overview = view === "epd" ? undefined : live;
  const rows = useClientRows(overview);
  // Beside Cliënten or Team, Te doen only gives the count on its button: drawn right after the list.
  const items = useToDo(overview, session.user, view === "todo");
  const aliases = useMemo(() => new Map(rows?.map((r) => [r.clientId, r.alias])), [rows]);
  // The shared rule says who sees the team's caseload; the component does not weigh roles itself.
  const team = maySeeCaseload(session.user);
  const load = useMemo(
    () =>
      team && view === "team" && overview && directory ? caseload([...directory.people.values()], overview.clients, calendarDay(overview.now)) : undefined,
    [team, view, overview, directory],
  );

  const show = (next: PanelView) => {
    setView(next);
    setOpened(null);
    setReturnTo(null);
  };
  const open = (next: Opened) => {
    setReturnTo(null);
    setOpened(next);
  };
  const back = opened && (
    <button
      type="button"
      class="secondary"
      onClick={() => {
        setReturnTo(view === "epd" ? null : opened.clientId);
        setOpened(null);
      }}
    >
      {view === "epd" ? t("handover.backToEpd") : t(`nav.back.${view}`)}
    </button>
  );

  return (
    <>
      <nav class="views" aria-label={t("nav.label")}>
        {panelViews
          .filter((v) => v !== "team" || team)
          .map((v) => (
            <button key={v} type="button" class={view === v ? "current" : "secondary"} aria-current={view === v ? "page" : undefined} onClick={() => show(v)}>
              {v === "todo" && items ? t("nav.todoCount", { count: items.length }) : t(`nav.${v}`)}
            </button>
          ))}
      </nav>
      {view === "epd" && (
        <>
          {/* From the inbox the focus goes to her name (the new step's heading); the handover card is just below it. */}
          <HandoverInbox session={session} directory={directory} onOpen={(clientId) => setOpened({ clientId, focus: null })} />
          <EscalationQueue session={session} directory={directory} onOpen={(clientId) => setOpened({ clientId, focus: "escalation" })} />
          <PriorityList session={session} directory={directory} onOpen={(clientId) => setOpened({ clientId, focus: "escalation" })} />
          <HolderOverview session={session} />
        </>
      )}
      {opened ? (
        <>
          {back}
          <ClientView clientId={opened.clientId} session={session} focus={opened.focus} />
        </>
      ) : view === "epd" ? (
        <ClientPanel context={context} session={session} />
      ) : !overview || !rows || !directory || (view === "todo" && !items) ? (
        <p class="card hint">{t("context.loading")}</p>
      ) : view === "team" ? (
        load && <TeamView rows={load} directory={directory} user={session.user} settings={overview.settings} />
      ) : view === "clients" ? (
        <ClientsView
          rows={rows}
          directory={directory}
          session={session}
          choice={clientsChoice}
          onChoose={setClientsChoice}
          returnTo={returnTo}
          onOpen={(clientId) => open({ clientId, focus: null })}
        />
      ) : (
        items && <TodoView items={items} aliases={aliases} returnTo={returnTo} onOpen={(clientId, item) => open({ clientId, focus: item.target })} />
      )}
    </>
  );
}
