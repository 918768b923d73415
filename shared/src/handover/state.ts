import type { SessionUser } from "../organisation/schema.ts";
import { isReceiverOf } from "./parties.ts";
import { type Handover, type HandoverEvent, isWithinNaast } from "./schema.ts";

/**
 * - "open": waits for its receiver inside Naast to acknowledge or decline it;
 * - "acknowledged" / "declined": its receiver did so (see `outcome`);
 * - "superseded": a later correction took its place;
 * - "completed": the client left Naast with it (no acknowledgement needed).
 */
export type HandoverStatus = "open" | "acknowledged" | "declined" | "superseded" | "completed";

export type HandoverMessage = Extract<HandoverEvent, { type: "message" }>;
export type HandoverOutcome = Extract<HandoverEvent, { type: "acknowledged" | "declined" }>;

export interface HandoverState {
  handover: Handover;
  status: HandoverStatus;
  /** Questions and answers, oldest first. */
  messages: HandoverMessage[];
  /** Who acknowledged or declined it, and when. */
  outcome: HandoverOutcome | null;
  /** The correction that took its place. */
  supersededBy: Handover | null;
}

const byTime = <T extends { at: string; id: string }>(a: T, b: T) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id);

/**
 * The state of each handover, derived from the records (which never change) and their events.
 * An acknowledgement or decline is final; the first one counts if a device ever holds both.
 * Works on the handovers of one client or of many; newest first.
 */
export function deriveHandovers(handovers: readonly Handover[], events: readonly HandoverEvent[]): HandoverState[] {
  const eventsOf = new Map<string, HandoverEvent[]>();
  for (const event of events) {
    const list = eventsOf.get(event.handoverId) ?? [];
    list.push(event);
    eventsOf.set(event.handoverId, list);
  }
  const correctionOf = new Map<string, Handover>();
  for (const h of [...handovers].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id))) {
    if (h.correctsHandoverId !== null && !correctionOf.has(h.correctsHandoverId)) correctionOf.set(h.correctsHandoverId, h);
  }
  return handovers
    .map((handover): HandoverState => {
      const own = (eventsOf.get(handover.id) ?? []).filter((e) => e.clientId === handover.clientId).sort(byTime);
      const outcome = own.find((e): e is HandoverOutcome => e.type === "acknowledged" || e.type === "declined") ?? null;
      const supersededBy = correctionOf.get(handover.id) ?? null;
      let status: HandoverStatus;
      if (outcome) status = outcome.type;
      else if (supersededBy) status = "superseded";
      else if (!isWithinNaast(handover.kind)) status = "completed";
      else status = "open";
      return { handover, status, messages: own.filter((e): e is HandoverMessage => e.type === "message"), outcome, supersededBy };
    })
    .sort((a, b) => Date.parse(b.handover.createdAt) - Date.parse(a.handover.createdAt) || b.handover.id.localeCompare(a.handover.id));
}

/** The client's open handover, if she has one (there is at most one). */
export function openHandoverOf(clientId: string, handovers: readonly Handover[], events: readonly HandoverEvent[]): HandoverState | null {
  const own = handovers.filter((h) => h.clientId === clientId);
  return deriveHandovers(own, events).find((s) => s.status === "open") ?? null;
}

/**
 * The open handovers this user is to acknowledge: addressed to her, or to her organisation
 * without a person and of a kind her role may take. The extension's badge counts these.
 */
export function handoversAwaiting(user: SessionUser, handovers: readonly Handover[], events: readonly HandoverEvent[]): HandoverState[] {
  return deriveHandovers(handovers, events).filter((s) => s.status === "open" && isReceiverOf(user, s.handover));
}
