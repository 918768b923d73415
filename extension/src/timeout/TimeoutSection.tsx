import { type AccessDecision, calendarToday, type DataCategory, deriveStays, nightsBetween, type Stay } from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, formatEuros, LanguageContext, useT } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import type { ClientView, YearFigures } from "../records/queries.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { trajectoryWarning } from "./trajectory-warning.ts";

interface Props {
  view: ClientView;
  accessible: Map<DataCategory, AccessDecision>;
  session: Session;
  figures: YearFigures;
}

/** The client's time-out stays, what happens next with each, and a request form. */
export function TimeoutSection({ view, accessible, session, figures }: Props) {
  const t = useT();
  if (!accessible.has("timeout")) {
    return (
      <section class="card timeout">
        <h2>{t("timeout.title")}</h2>
        <p class="hint">{t("timeout.notShared")}</p>
      </section>
    );
  }
  const stays = deriveStays(view.timeoutEvents);
  const isHolderCoordinator = session.user.role === "coordinator" && figures.timeoutSettings?.holderOrganisationId === session.user.organisationId;
  return (
    <section class="card timeout" aria-labelledby="timeout-title">
      <h2 id="timeout-title">{t("timeout.title")}</h2>
      {stays.length === 0 && <p class="hint">{t("timeout.none")}</p>}
      <ul>
        {stays.map((stay) => (
          <StayItem key={stay.id} stay={stay} clientId={view.client.id} mayDecide={isHolderCoordinator} figures={figures} />
        ))}
      </ul>
      <RequestForm clientId={view.client.id} figures={figures} />
    </section>
  );
}

function StayItem({ stay, clientId, mayDecide, figures }: { stay: Stay; clientId: string; mayDecide: boolean; figures: YearFigures }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { run, error } = useMutate();
  const today = calendarToday();
  const [day, setDay] = useState(today);
  const [location, setLocation] = useState("");
  const event = { id: crypto.randomUUID(), clientId, stayId: stay.id };
  // The yearly check, before she approves: beyond the agreed trajectories it warns, never refuses.
  const seventh = mayDecide ? trajectoryWarning(figures, stay.request.proposedStart) : null;
  return (
    <li data-testid="stay" data-status={stay.status}>
      <p class="meta">
        <strong>
          {formatDay(language, stay.from)} – {formatDay(language, stay.until)}
        </strong>{" "}
        ({t("timeout.nights", { count: nightsBetween(stay.from, stay.until) })}) · <span class="badge">{t(`timeout.status.${stay.status}` as MessageKey)}</span>
        {stay.ended && ` · ${formatEuros(language, stay.ended.costCents)}`}
      </p>
      <p>{stay.request.reason}</p>
      {stay.started && <p class="meta">{stay.started.location}</p>}
      {stay.decision?.beyondTrajectories && <p class="warning">{t("timeout.beyondWarning")}</p>}
      {stay.status === "requested" && mayDecide && (
        <p>
          {seventh && <span class="warning">{t("timeout.seventhWarning", seventh)} </span>}
          <button type="button" onClick={() => void run("decideTimeoutStay", { ...event, approved: true, note: "" })}>
            {t("timeout.approve")}
          </button>{" "}
          <button type="button" class="secondary" onClick={() => void run("decideTimeoutStay", { ...event, approved: false, note: "" })}>
            {t("timeout.decline")}
          </button>
        </p>
      )}
      {stay.status === "approved" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run("startTimeoutStay", { ...event, day, location });
          }}
        >
          <label>
            {t("timeout.startDay")}
            <input name="stay-start" type="date" required value={day} onInput={(e) => setDay(e.currentTarget.value)} />
          </label>
          <label>
            {t("timeout.location")}
            <input name="stay-location" required maxLength={200} value={location} onInput={(e) => setLocation(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("timeout.start")}</button>
        </form>
      )}
      {stay.status === "ongoing" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run("endTimeoutStay", { ...event, day });
          }}
        >
          <label>
            {t("timeout.endDay")}
            <input name="stay-end" type="date" required value={day} onInput={(e) => setDay(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("timeout.end")}</button>
        </form>
      )}
      <ErrorLine message={error} />
    </li>
  );
}

function RequestForm({ clientId, figures }: { clientId: string; figures: YearFigures }) {
  const t = useT();
  const { run, error } = useMutate();
  const [reason, setReason] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const save = async (event: Event) => {
    event.preventDefault();
    if (await run("requestTimeoutStay", { id: crypto.randomUUID(), clientId, reason, proposedStart: start, proposedEnd: end })) {
      setReason("");
      setStart("");
      setEnd("");
    }
  };
  // Before she sends it: on the holder's devices (which have the year's totals) the yearly check
  // warns that this would be one trajectory more than agreed; the server approves it all the same.
  const warning = start ? trajectoryWarning(figures, start) : null;
  return (
    <form onSubmit={save} aria-labelledby="stay-request-title">
      <h3 id="stay-request-title">{t("timeout.request")}</h3>
      <label>
        {t("timeout.reason")}
        <input name="stay-reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <label>
        {t("timeout.proposedStart")}
        <input name="stay-proposed-start" type="date" required value={start} onInput={(e) => setStart(e.currentTarget.value)} />
      </label>
      <label>
        {t("timeout.proposedEnd")}
        <input name="stay-proposed-end" type="date" required value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
      </label>
      {warning && (
        <p class="warning" data-testid="trajectory-warning">
          {t("timeout.requestBeyondWarning", warning)}
        </p>
      )}
      <button type="submit">{t("timeout.requestSave")}</button>
      <ErrorLine message={error} />
    </form>
  );
}
