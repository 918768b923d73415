import { beyondTrajectories } from "@naast/shared";
import type { YearFigures } from "../records/queries.ts";

/**
 * The yearly check before a request or an approval (issue 15, point 2: warn, never refuse, at the
 * 7th trajectory of 6): which trajectory this would be, when that is beyond the agreed number of
 * the stay's year. Null when it is not, or when this device cannot know (only the holder's devices
 * have the year's totals; the server records the warning at approval either way).
 */
export function trajectoryWarning(
  figures: Pick<YearFigures, "year" | "timeoutSettings" | "timeoutTotals">,
  stayStart: string,
): { count: number; max: number } | null {
  const { timeoutSettings, timeoutTotals } = figures;
  if (!timeoutSettings || !timeoutTotals || Number(stayStart.slice(0, 4)) !== figures.year) return null;
  if (!beyondTrajectories(timeoutTotals.trajectories, timeoutSettings.trajectoriesPerYear)) return null;
  return { count: timeoutTotals.trajectories + 1, max: timeoutSettings.trajectoriesPerYear };
}
