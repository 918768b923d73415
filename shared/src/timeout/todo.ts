import { addDays } from "../calendar/calendar-day.ts";
import type { SessionUser } from "../organisation/schema.ts";
import type { Stay } from "./stays.ts";

/**
 * What the Te doen list (issue 13) should show of time-out stays, as pure data: a request waiting
 * for this coordinator's approval (her organisation runs the time-out), and a stay ending
 * tomorrow. Give it only stays the user may see (consent-filtered), so a client not shared
 * never appears, not even as a count.
 */
export type StayTodo =
  | { kind: "stay-awaiting-approval"; clientId: string; stayId: string; since: string }
  | { kind: "stay-ends-tomorrow"; clientId: string; stayId: string; until: string };

export function stayTodos(user: SessionUser, stays: readonly Stay[], holderOrganisationId: string | null, today: string): StayTodo[] {
  const tomorrow = addDays(today, 1);
  const decides = user.role === "coordinator" && user.organisationId === holderOrganisationId;
  const todos: StayTodo[] = [];
  for (const stay of stays) {
    if (stay.status === "requested" && decides)
      todos.push({ kind: "stay-awaiting-approval", clientId: stay.clientId, stayId: stay.id, since: stay.request.at });
    if ((stay.status === "ongoing" || stay.status === "approved") && stay.until === tomorrow) {
      todos.push({ kind: "stay-ends-tomorrow", clientId: stay.clientId, stayId: stay.id, until: stay.until });
    }
  }
  return todos;
}
