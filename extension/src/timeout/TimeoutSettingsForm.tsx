import type { TimeoutSettings } from "@naast/shared";
import { useT } from "../i18n/index.ts";
import type { Session } from "../storage/db.ts";
import { SettingsForm } from "../ui/SettingsForm.tsx";
import { timeoutSettingsArgs, timeoutSettingsDraftFor } from "./settings-draft.ts";

/**
 * The year's time-out day rate (a setting, in cents: "Beschermd Wonen licht", €139.27 a day in
 * 2023) and the trajectories agreed, set by a coordinator or admin of the organisation that runs
 * the time-out (issue 15, point 2); the server refuses another organisation's year.
 */
export function TimeoutSettingsForm({ session, year, current }: { session: Session; year: number; current: TimeoutSettings | null }) {
  const t = useT();
  return (
    <SettingsForm
      name="timeout-settings"
      title={t("timeoutSettings.title", { year })}
      save={t("timeoutSettings.save")}
      saved={t("timeoutSettings.saved")}
      initial={() => timeoutSettingsDraftFor(current)}
      mutator="setTimeoutSettings"
      argsOf={(draft) => timeoutSettingsArgs(draft, year, session.user.organisationId)}
      fields={(draft, change) => (
        <>
          <label>
            {t("timeoutSettings.dayRate")}
            <input name="timeout-day-rate" inputMode="decimal" value={draft.dayRate} onInput={(e) => change({ dayRate: e.currentTarget.value })} />
          </label>
          <label>
            {t("timeoutSettings.trajectories")}
            <input
              name="timeout-trajectories"
              inputMode="numeric"
              value={draft.trajectories}
              onInput={(e) => change({ trajectories: e.currentTarget.value })}
            />
          </label>
        </>
      )}
    />
  );
}
