import type { StayDecided, StayEnded, StayRequested, StayStarted, TimeoutEvent } from "./schema.ts";

export type StayStatus = "requested" | "declined" | "approved" | "ongoing" | "ended";

export interface Stay {
  id: string;
  clientId: string;
  request: StayRequested;
  decision: StayDecided | null;
  started: StayStarted | null;
  ended: StayEnded | null;
  status: StayStatus;
  /** The days it takes, as far as known: from the actual or proposed start to the actual or proposed end. */
  from: string;
  until: string;
}

/** The stays of one client, derived from their events, earliest first. */
export function deriveStays(events: readonly TimeoutEvent[]): Stay[] {
  const stays = new Map<string, Stay>();
  for (const event of events) {
    if (event.type !== "requested") continue;
    stays.set(event.stayId, {
      id: event.stayId,
      clientId: event.clientId,
      request: event,
      decision: null,
      started: null,
      ended: null,
      status: "requested",
      from: event.proposedStart,
      until: event.proposedEnd,
    });
  }
  for (const event of events) {
    const stay = stays.get(event.stayId);
    if (!stay || event.type === "requested") continue;
    if (event.type === "decided") stay.decision = event;
    if (event.type === "started") stay.started = event;
    if (event.type === "ended") stay.ended = event;
  }
  for (const stay of stays.values()) {
    stay.status = stay.ended ? "ended" : stay.started ? "ongoing" : !stay.decision ? "requested" : stay.decision.approved ? "approved" : "declined";
    stay.from = stay.started?.day ?? stay.request.proposedStart;
    stay.until = stay.ended?.day ?? stay.request.proposedEnd;
  }
  return [...stays.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** Nights between two days ("2024-03-04" to "2024-03-06" is 2 nights). */
export function nightsBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Cost = nights × the year's day rate, in cents. */
export const stayCostCents = (nights: number, dayRateCents: number): number => nights * dayRateCents;

/** Whether [from, until) overlaps a stay of hers that still counts (not declined). */
export function overlappingStay(stays: readonly Stay[], from: string, until: string, except: string | null = null): Stay | null {
  return stays.find((s) => s.id !== except && s.status !== "declined" && s.from < until && from < s.until) ?? null;
}

/** Whether an approval now would be beyond the trajectories agreed for the year (warned, not refused). */
export const beyondTrajectories = (approvedSoFar: number, perYear: number): boolean => approvedSoFar >= perYear;
