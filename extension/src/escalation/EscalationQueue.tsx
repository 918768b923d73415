import {
  calendarToday,
  defaultResponseWorkingDays,
  escalationQueue,
  escalationSettingsId,
  isOverdueEscalation,
  mayRun,
  mutators,
  type SessionUser,
} from "@naast/shared";
import { useContext, useState } from "preact/hooks";
import { useLiveQuery } from "../hooks/use-live-query.ts";
import { useMutate } from "../hooks/use-mutate.ts";
import { formatDay, LanguageContext, useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { getRecord, listRecords } from "../records/read.ts";
import { db, type Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/**
 * The open opschalingen this user works on, whichever client the EPD shows: for the
 * procesregisseur those put to her municipality (across organisations), for a coordinator those of
 * her organisation's team. Urgent first, then the oldest; overdue ones marked. Only what this
 * device holds, so only what consent or the covenant let through.
 */
export function EscalationQueue({ session, directory, onOpen }: { session: Session; directory: Directory | undefined; onOpen(clientId: string): void }) {
  const t = useT();
  const { language } = useContext(LanguageContext);
  const { user } = session;
  const data = useLiveQuery(
    async () => ({
      escalations: await listRecords(db, "escalations"),
      clients: await listRecords(db, "clients"),
      settings: await getRecord(db, "escalationSettings", escalationSettingsId(user.organisationId)),
    }),
    [user.organisationId],
  );
  if (!data || (user.role !== "procesregisseur" && user.role !== "coordinator")) return null;
  const mine = data.escalations.filter((e) =>
    user.role === "procesregisseur" ? e.municipalityOrganisationId === user.organisationId : e.holderOrganisationId === user.organisationId,
  );
  const open = escalationQueue(mine);
  if (user.role === "coordinator" && open.length === 0) return null;
  const clients = new Map(data.clients.map((c) => [c.id, c]));
  const today = calendarToday();
  return (
    <section class="card inbox" aria-labelledby="escalation-queue-title" data-testid="escalation-queue">
      <h2 id="escalation-queue-title">{t(user.role === "procesregisseur" ? "escalation.queue" : "escalation.teamQueue", { count: open.length })}</h2>
      {open.length === 0 && <p class="hint">{t("escalation.queueEmpty")}</p>}
      <ul>
        {open.map((e) => {
          const client = clients.get(e.clientId);
          const overdue = isOverdueEscalation(e, today);
          return (
            <li key={e.id} class={overdue ? "overdue" : ""} data-testid="escalation-queue-item" data-escalation-id={e.id} data-status={e.status}>
              <button type="button" class="link" onClick={() => onOpen(e.clientId)}>
                {t("escalation.queueLine", {
                  alias: client?.alias ?? "?",
                  year: client?.birthYear ?? "",
                  holder: directory?.organisations.get(e.holderOrganisationId)?.shortName ?? "?",
                  problem: e.problem,
                })}
              </button>{" "}
              <span class="meta">
                {t(`escalation.urgency.${e.urgency}`)} · {t(`escalation.status.${e.status}`)} ·{" "}
                {t("escalation.respondBy", { date: formatDay(language, e.respondBy) })}
                {overdue && <strong class="badge">{t("escalation.overdue")}</strong>}
              </span>
            </li>
          );
        })}
      </ul>
      <ResponseDaysSetting user={user} days={data.settings?.responseWorkingDays ?? defaultResponseWorkingDays} />
    </section>
  );
}

/** The municipality's number of working days to answer an escalation: whoever `mayRun` allows changes it (the procesregisseur). */
function ResponseDaysSetting({ user, days }: { user: SessionUser; days: number }) {
  const t = useT();
  const { run, error } = useMutate();
  const [value, setValue] = useState(String(days));
  const args = { organisationId: user.organisationId, responseWorkingDays: Number(value) };
  // The same rule the server runs: a setting of her own organisation, for the role that may change it.
  const allowed = mayRun(mutators.setEscalationSettings, args, { user, now: new Date().toISOString(), client: undefined, consents: [] }).ok;
  if (!allowed) return <p class="hint">{t("escalation.responseDays.current", { days })}</p>;
  return (
    <details data-testid="response-days">
      <summary>{t("escalation.responseDays.title", { days })}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run("setEscalationSettings", args);
        }}
      >
        <label>
          {t("escalation.responseDays.label")}
          <input name="response-working-days" type="number" min={1} max={60} required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
        <p class="hint">{t("escalation.responseDays.hint")}</p>
        <button type="submit">{t("team.saveSetting")}</button>
        <ErrorLine message={error} />
      </form>
    </details>
  );
}
