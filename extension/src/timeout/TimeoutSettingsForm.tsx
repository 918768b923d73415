import type { TimeoutSettings } from "@naast/shared";
import { useState } from "preact/hooks";
import { useMutate } from "../hooks/use-mutate.ts";
import { useT } from "../i18n/index.ts";
import { describeRefusal } from "../i18n/refusal.ts";
import type { Session } from "../storage/db.ts";
import { ErrorLine } from "../ui/ErrorLine.tsx";
import { timeoutSettingsArgs, timeoutSettingsDraftFor } from "./settings-draft.ts";

/**
 * The year's time-out day rate (a setting, in cents: "Beschermd Wonen licht", €139.27 a day in
 * 2023) and the trajectories agreed, set by a coordinator or admin of the organisation that runs
 * the time-out (issue 15, point 2); the server refuses another organisation's year.
 */
export function TimeoutSettingsForm({ session, year, current }: { session: Session; year: number; current: TimeoutSettings | null }) {
  const t = useT();
  const { run, error } = useMutate();
  const [draft, setDraft] = useState(() => timeoutSettingsDraftFor(current));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    const made = timeoutSettingsArgs(draft, year, session.user.organisationId);
    setSaved(false);
    if (!made.ok) return setProblem(describeRefusal(t, made.refusal));
    setProblem(null);
    setSaved(await run("setTimeoutSettings", made.args));
  };
  return (
    <details class="timeout-settings">
      <summary>{t("timeoutSettings.title", { year })}</summary>
      <form onSubmit={(e) => void save(e)} data-testid="timeout-settings">
        <label>
          {t("timeoutSettings.dayRate")}
          <input name="timeout-day-rate" inputMode="decimal" value={draft.dayRate} onInput={(e) => setDraft({ ...draft, dayRate: e.currentTarget.value })} />
        </label>
        <label>
          {t("timeoutSettings.trajectories")}
          <input
            name="timeout-trajectories"
            inputMode="numeric"
            value={draft.trajectories}
            onInput={(e) => setDraft({ ...draft, trajectories: e.currentTarget.value })}
          />
        </label>
        <button type="submit">{t("timeoutSettings.save")}</button>
        {saved && <p role="status">{t("timeoutSettings.saved")}</p>}
        <ErrorLine message={problem ?? error} />
      </form>
    </details>
  );
}
