import { type CaseloadRow, caseloadNorm, mayChangeOverviewSettings, type OverviewSettings, type SessionUser } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";

/**
 * The coordinator's view of the team: per colleague her active clients against the norm of 3–4,
 * and the afspraken she owns, open and overdue. From what the device holds, so a partner's
 * coordinator sees what consent shares with her organisation, and nothing of a client it does not.
 */
export function TeamView({
  rows,
  directory,
  user,
  settings,
}: {
  rows: readonly CaseloadRow[];
  directory: Directory;
  user: SessionUser;
  settings: OverviewSettings;
}) {
  const t = useT();
  const shown = rows.filter((r) => r.activeClients > 0 || r.openAgreements > 0 || directory.people.get(r.userId)?.organisationId === user.organisationId);
  return (
    <section class="card team" aria-labelledby="team-title" data-testid="team">
      <h2 id="team-title">{t("team.title")}</h2>
      <table class="caseload">
        <caption class="hint">{t("team.norm", { min: caseloadNorm.min, max: caseloadNorm.max })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("team.person")}</th>
            <th scope="col">{t("team.active")}</th>
            <th scope="col">{t("team.open")}</th>
            <th scope="col">{t("team.overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const person = directory.people.get(r.userId);
            const organisation = person ? directory.organisations.get(person.organisationId)?.shortName : undefined;
            const over = r.activeClients > caseloadNorm.max;
            return (
              <tr key={r.userId} data-testid="caseload-row" data-user-id={r.userId}>
                <th scope="row">
                  {person?.name ?? r.userId} {organisation && <span class="meta">({organisation})</span>}
                </th>
                <td class={over ? "warning" : undefined}>
                  {r.activeClients}
                  {over && <span class="visually-hidden"> {t("team.overNorm")}</span>}
                </td>
                <td>{r.openAgreements}</td>
                <td class={r.overdueAgreements > 0 ? "error" : undefined}>{r.overdueAgreements}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {mayChangeOverviewSettings(user) && <NoContactDaysSetting user={user} settings={settings} />}
    </section>
  );
}

/** The organisation's own number of days without contact before a client shows in Te doen. */
function NoContactDaysSetting({ user, settings }: { user: SessionUser; settings: OverviewSettings }) {
  const t = useT();
  const { run, error } = useMutate();
  const [days, setDays] = useState(String(settings.noContactDays));
  // Said until she changes the number again, so she knows the whole organisation now counts by it.
  const [saved, setSaved] = useState<number | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    const noContactDays = Number(days);
    if (await run("setOverviewSettings", { organisationId: user.organisationId, noContactDays })) setSaved(noContactDays);
  };
  return (
    <form onSubmit={save}>
      <label>
        {t("team.noContactDays")}
        <input
          name="no-contact-days"
          type="number"
          min={1}
          max={365}
          required
          value={days}
          onInput={(e) => {
            setDays(e.currentTarget.value);
            setSaved(null);
          }}
        />
      </label>
      <button type="submit">{t("team.saveSetting")}</button>
      {saved !== null && <p role="status">{t("team.settingSaved", { days: saved })}</p>}
      <ErrorLine message={error} />
    </form>
  );
}
