import type { Agreement } from "../agreement/schema.ts";
import type { Escalation, EscalationStatus } from "./schema.ts";
import { closedEscalationStatuses } from "./schema.ts";

/** What may follow what. Answering (opgelost or teruggelegd) may come at any open step. */
const next: Record<EscalationStatus, readonly EscalationStatus[]> = {
  submitted: ["in_progress", "discussed", "resolved", "returned"],
  in_progress: ["discussed", "resolved", "returned"],
  discussed: ["resolved", "returned"],
  resolved: [],
  returned: [],
};

export const mayMoveTo = (from: EscalationStatus, to: EscalationStatus): boolean => next[from].includes(to);
export const isOpenEscalation = (e: Pick<Escalation, "status">): boolean => !closedEscalationStatuses.includes(e.status);

/** The day `workingDays` working days (Monday to Friday) after `day`. Holidays are not known to Naast. */
export function addWorkingDays(day: string, workingDays: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  let left = workingDays;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** Not answered, and the day to answer by has passed. */
export const isOverdueEscalation = (e: Pick<Escalation, "status" | "respondBy">, today: string): boolean => isOpenEscalation(e) && e.respondBy < today;

/** The procesregisseur's order: open ones, urgent first, then the oldest first. */
export function escalationQueue<E extends Pick<Escalation, "status" | "urgency" | "submittedAt" | "id">>(escalations: readonly E[]): E[] {
  return escalations
    .filter(isOpenEscalation)
    .sort((a, b) => (a.urgency === "high" ? 0 : 1) - (b.urgency === "high" ? 0 : 1) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
}

/** How long the covenant basis lasts after the escalation is closed: the answer and its afspraken stay readable a while. */
export const covenantAfterCloseDays = 30;
export const covenantUntil = (closedAt: string): string => new Date(Date.parse(closedAt) + covenantAfterCloseDays * 86_400_000).toISOString();

/** An afspraak overdue this many days or more offers "Opschalen" (issue 14). */
export const escalationPromptDays = 14;

/** Whether this afspraak is stuck long enough to offer escalating it: open, due 14 days ago or longer, not itself an escalation's. */
export function promptsEscalation(agreement: Pick<Agreement, "status" | "dueDate" | "escalationId">, today: string): boolean {
  if (agreement.status !== "open" || agreement.escalationId) return false;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${agreement.dueDate}T00:00:00Z`)) / 86_400_000;
  return days >= escalationPromptDays;
}
