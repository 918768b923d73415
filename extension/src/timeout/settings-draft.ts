import { eurosToType, type MutationArgs, maxTrajectoriesPerYear, type Refusal, refusal, typedCents } from "@naast/shared";

/** The time-out settings form as typed: the day rate in euros as text ("139,27"), the trajectories agreed. */
export interface TimeoutSettingsDraft {
  dayRate: string;
  trajectories: string;
}

export const timeoutSettingsDraftFor = (current: { dayRateCents: number; trajectoriesPerYear: number } | null): TimeoutSettingsDraft => ({
  dayRate: current === null ? "" : eurosToType(current.dayRateCents),
  trajectories: String(current?.trajectoriesPerYear ?? 6),
});

/** What to send for the year's time-out settings, or why not, by the rules the server applies. */
export function timeoutSettingsArgs(
  draft: TimeoutSettingsDraft,
  year: number,
  holderOrganisationId: string,
): { ok: true; args: MutationArgs<"setTimeoutSettings"> } | { ok: false; refusal: Refusal } {
  const dayRate = typedCents(draft.dayRate);
  if (!dayRate.ok) return dayRate;
  const trajectories = draft.trajectories.trim();
  if (!/^\d{1,4}$/.test(trajectories) || Number(trajectories) > maxTrajectoriesPerYear) {
    return { ok: false, refusal: refusal("timeout.trajectories-invalid", { max: maxTrajectoriesPerYear }) };
  }
  return { ok: true, args: { year, holderOrganisationId, dayRateCents: dayRate.cents, trajectoriesPerYear: Number(trajectories) } };
}
