import { calendarDay } from "../calendar/calendar-day.ts";
import type { ToDoItem, ToDoSource, ToDoSourceName } from "../overview/todo.ts";
import { isOpenEscalation, isOverdueEscalation } from "./state.ts";

/**
 * Te doen of opschalingen, from the escalations the device holds (so only those consent or the
 * covenant let through):
 * - for the procesregisseur of the municipality it was put to: a new one (ingediend), and one
 *   whose day to answer passed;
 * - for the client's case manager (and the one who escalated): the answer came and she has not
 *   read it yet, and an overdue answer, so she can ask after it.
 */
export const escalationToDo: ToDoSource = ({ client, escalations = [] }, { user, now }) => {
  const today = calendarDay(now);
  const items: ToDoItem[] = [];
  const item = (source: ToDoSourceName, id: string, day: string): ToDoItem => ({
    key: `${source}:${id}`,
    source,
    clientId: client.id,
    target: "escalation",
    day,
  });
  for (const escalation of escalations) {
    const toHer = user.role === "procesregisseur" && escalation.municipalityOrganisationId === user.organisationId;
    const ofHers = user.organisationId === client.ownerOrganisationId && (client.responsibleUserId === user.id || escalation.submittedBy === user.id);
    const overdue = isOverdueEscalation(escalation, today);
    if (toHer && escalation.status === "submitted" && !overdue) items.push(item("escalation-new", escalation.id, escalation.submittedAt.slice(0, 10)));
    if ((toHer || ofHers) && overdue) items.push(item("escalation-overdue", escalation.id, escalation.respondBy));
    if (ofHers && !isOpenEscalation(escalation) && escalation.answeredAt && !escalation.answerReadAt) {
      items.push(item("escalation-answered", escalation.id, escalation.answeredAt.slice(0, 10)));
    }
  }
  return items;
};
