import { amountProblem, type MutationArgs, maxAmountCents, maxTrajectoriesPerYear, parseEuros, type Refusal, refusal } from "@naast/shared";

/** The time-out settings form as typed: the day rate in euros as text ("139,27"), the trajectories agreed. */
export interface TimeoutSettingsDraft {
  dayRate: string;
  trajectories: string;
}

export const timeoutSettingsDraftFor = (current: { dayRateCents: number; trajectoriesPerYear: number } | null): TimeoutSettingsDraft => ({
  dayRate: current === null ? "" : (current.dayRateCents / 100).toFixed(2).replace(".", ","),
  trajectories: String(current?.trajectoriesPerYear ?? 6),
});

/** What to send for the year's time-out settings, or why not, by the rules the server applies. */
export function timeoutSettingsArgs(
  draft: TimeoutSettingsDraft,
  year: number,
  holderOrganisationId: string,
): { ok: true; args: MutationArgs<"setTimeoutSettings"> } | { ok: false; refusal: Refusal } {
  const cents = parseEuros(draft.dayRate);
  if (cents === null) return { ok: false, refusal: refusal("money.not-whole-cents") };
  const problem = amountProblem(cents);
  if (problem === "money.too-large") return { ok: false, refusal: refusal(problem, { max: maxAmountCents }) };
  if (problem) return { ok: false, refusal: refusal(problem) };
  const trajectories = draft.trajectories.trim();
  if (!/^\d{1,4}$/.test(trajectories) || Number(trajectories) > maxTrajectoriesPerYear) {
    return { ok: false, refusal: refusal("timeout.trajectories-invalid", { max: maxTrajectoriesPerYear }) };
  }
  return { ok: true, args: { year, holderOrganisationId, dayRateCents: cents, trajectoriesPerYear: Number(trajectories) } };
}
