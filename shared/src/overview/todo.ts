import { type Agreement, isOverdue } from "../agreement/schema.ts";
import { calendarDay } from "../calendar/calendar-day.ts";
import type { Client } from "../client/schema.ts";
import { askAgainDue, type ConsentConversation } from "../consent/conversation.ts";
import type { ConsentEvent } from "../consent/schema.ts";
import { deriveConsents } from "../consent/state.ts";
import type { Escalation } from "../escalation/schema.ts";
import { escalationToDo } from "../escalation/todo.ts";
import { expenseStates } from "../flexbudget/ledger.ts";
import type { FlexbudgetEntry } from "../flexbudget/schema.ts";
import { expenseTodos } from "../flexbudget/todo.ts";
import type { Handover, HandoverEvent } from "../handover/schema.ts";
import { deriveHandovers, handoversAwaiting } from "../handover/state.ts";
import { daysSince } from "../note/contact.ts";
import type { Note } from "../note/schema.ts";
import type { SessionUser } from "../organisation/schema.ts";
import type { TimeoutEvent } from "../timeout/schema.ts";
import { deriveStays } from "../timeout/stays.ts";
import { stayTodos } from "../timeout/todo.ts";
import type { ClientOverview } from "./summary.ts";

/**
 * What the device holds of one client: only what was synced, so only what consent allows. Every
 * list and count of the overview derives from these and nothing else.
 */
export interface ClientRecords {
  client: Client;
  consentEvents: readonly ConsentEvent[];
  agreements: readonly Agreement[];
  notes: readonly Note[];
  handovers: readonly Handover[];
  handoverEvents: readonly HandoverEvent[];
  /** Consent asked but not (yet) given: holder-only records, so only the holder's devices have them. */
  consentConversations?: readonly ConsentConversation[];
  /** Opschalingen of the client: the holder's and, by consent or the covenant, the procesregisseur's. */
  escalations?: readonly Escalation[];
  /** Her time-out stays' events and flexbudget entries, where the device may see them. */
  timeoutEvents?: readonly TimeoutEvent[];
  flexbudgetEntries?: readonly FlexbudgetEntry[];
}

export interface OverviewSettings {
  /** "Geen contact" after this many days (a setting per organisation; 14 by default). */
  noContactDays: number;
  /** A consent ending within this many days, or ended, needs asking again. */
  consentEndingDays: number;
}
export const defaultOverviewSettings: OverviewSettings = { noContactDays: 14, consentEndingDays: 30 };

/** Where in the client view an item opens. */
export type ToDoTarget = "agreements" | "consent" | "contacts" | "handover" | "escalation" | "timeout" | "flexbudget";

/** Every kind of item by name: the panel has a sentence for each in its catalogues (typed by this list). */
export const toDoSourceNames = [
  "agreement-overdue",
  "consent-ending",
  "consent-ask-again",
  "no-contact",
  "handover-waiting",
  "handover-question",
  "stay-awaiting-approval",
  "stay-ends-tomorrow",
  "expense-awaiting-approval",
  "escalation-new",
  "escalation-overdue",
  "escalation-answered",
] as const;
export type ToDoSourceName = (typeof toDoSourceNames)[number];

export interface ToDoItem {
  /** Stable, so the list keeps its place: `<source>:<record id>`. */
  key: string;
  source: ToDoSourceName;
  clientId: string;
  target: ToDoTarget;
  /** The day it is about (due date, consent end, last contact), for sorting: the oldest first. */
  day: string;
  /** What it is about in the user's words, where a record has them (an afspraak's text). */
  about?: string;
}

export interface ToDoContext {
  user: SessionUser;
  now: string;
  settings: OverviewSettings;
  /** Which organisation holds a year's flexbudget and runs its time-out (their settings), null when unset. */
  holders?: { flexbudget(year: number): string | null; timeout(year: number): string | null };
}

/**
 * One kind of thing that needs the user now. Te doen is the list of these sources, so another
 * capability (flexbudget, time-out) adds its own by adding a source. An item is there while the
 * thing is not done, whether or not she saw it.
 */
export type ToDoSource = (records: ClientOverview, context: ToDoContext) => ToDoItem[];

const isHolder = (user: SessionUser, client: Client) => client.ownerOrganisationId === user.organisationId;
/** Whose work a client is: hers, or, for the coordinator, her organisation's. */
const isMine = (user: SessionUser, client: Client) => client.responsibleUserId === user.id || (user.role === "coordinator" && isHolder(user, client));

/**
 * Afspraken past their due date of a client still in care: hers (she owns it, or it is in the plan
 * of a client she is responsible for: she monitors its progress), and for the coordinator the
 * whole Stapteam's, partners' afspraken included, as far as the device holds them (consent).
 */
export const overdueAgreements: ToDoSource = ({ client, agreements }, { user, now }) => {
  if (client.status === "closed") return [];
  return agreements
    .filter((a) => isOverdue(a, calendarDay(now)))
    .filter((a) => a.ownerUserId === user.id || client.responsibleUserId === user.id || user.role === "coordinator")
    .map((a) => ({ key: `agreement-overdue:${a.id}`, source: "agreement-overdue", clientId: client.id, target: "agreements", day: a.dueDate, about: a.text }));
};

/** A consent of a client of hers ending within the window, or ended while none took its place. */
export const consentEnding: ToDoSource = ({ client, consentEvents }, { user, now, settings }) => {
  if (!isMine(user, client) || client.status === "closed") return [];
  const states = deriveConsents(consentEvents, now);
  const horizon = Date.parse(now) + settings.consentEndingDays * 86_400_000;
  const lastingBeyond = states.some((s) => (s.status === "active" || s.status === "pending") && Date.parse(s.consent.validUntil) > horizon);
  if (lastingBeyond) return [];
  return states
    .filter((s) => s.status === "active" || s.status === "expired")
    .filter((s) => Date.parse(s.consent.validUntil) <= horizon)
    .map((s) => ({
      key: `consent-ending:${s.consent.consentId}`,
      source: "consent-ending",
      clientId: client.id,
      target: "consent",
      day: s.consent.validUntil.slice(0, 10),
    }));
};

/**
 * A client of hers, active or in monitoring (kept in view: "als zij uit zicht raken kan geen hulp
 * meer geboden worden"), with no contact for the organisation's number of days (or none ever).
 */
export const noRecentContact: ToDoSource = ({ client, lastContactAt }, { user, now, settings }) => {
  if (!isMine(user, client) || client.status === "closed") return [];
  const last = lastContactAt ?? client.createdAt;
  if (daysSince(last, now) < settings.noContactDays) return [];
  return [{ key: `no-contact:${client.id}`, source: "no-contact", clientId: client.id, target: "contacts", day: last.slice(0, 10) }];
};

/** Consent asked and not (fully) given, with a day to ask again that has come: ask her again. */
export const askConsentAgain: ToDoSource = ({ client, consentConversations = [] }, { user, now }) => {
  if (!isMine(user, client) || client.status === "closed") return [];
  const due = askAgainDue(consentConversations, calendarDay(now));
  if (!due?.askAgainOn) return [];
  return [{ key: `consent-ask-again:${due.id}`, source: "consent-ask-again", clientId: client.id, target: "consent", day: due.askAgainOn }];
};

/** Handovers waiting for her to acknowledge. */
export const handoversWaiting: ToDoSource = ({ client, handovers, handoverEvents }, { user }) =>
  handoversAwaiting(user, handovers, handoverEvents).map((s) => ({
    key: `handover-waiting:${s.handover.id}`,
    source: "handover-waiting",
    clientId: client.id,
    target: "handover",
    day: s.handover.createdAt.slice(0, 10),
  }));

/** Open handovers she wrote on which the receiver asked something after her last word. */
export const handoverQuestions: ToDoSource = ({ client, handovers, handoverEvents }, { user }) =>
  deriveHandovers(handovers, handoverEvents)
    .filter((s) => s.status === "open" && s.handover.fromUserId === user.id)
    .filter((s) => {
      const messages = handoverEvents.filter((e) => e.handoverId === s.handover.id && e.type === "message").sort((a, b) => a.at.localeCompare(b.at));
      const last = messages.at(-1);
      return last !== undefined && last.by !== user.id;
    })
    .map((s) => ({
      key: `handover-question:${s.handover.id}`,
      source: "handover-question",
      clientId: client.id,
      target: "handover",
      day: s.handover.createdAt.slice(0, 10),
    }));

/**
 * Time-out stays (issue 15): a request waiting for this coordinator's decision (her organisation
 * runs that year's time-out), and a stay of a client of hers (or one she decides on) ending tomorrow.
 */
export const timeoutStays: ToDoSource = ({ client, timeoutEvents = [] }, { user, now, holders }) =>
  deriveStays(timeoutEvents).flatMap((stay) => {
    const holder = holders?.timeout(stay.request.year) ?? null;
    const decides = user.role === "coordinator" && holder === user.organisationId;
    return stayTodos(user, [stay], holder, calendarDay(now))
      .filter((t) => t.kind === "stay-awaiting-approval" || isMine(user, client) || decides)
      .map((t) => ({
        key: `${t.kind}:${t.stayId}`,
        source: t.kind,
        clientId: client.id,
        target: "timeout" as const,
        day: t.kind === "stay-awaiting-approval" ? t.since.slice(0, 10) : t.until,
      }));
  });

/** An over-budget flexbudget expense waiting for the approval of this coordinator (her organisation holds that year's budget). */
export const flexExpenses: ToDoSource = ({ client, flexbudgetEntries = [] }, { user, holders }) =>
  expenseTodos(user, expenseStates(flexbudgetEntries), (year) => holders?.flexbudget(year) ?? null).map((t) => ({
    key: `${t.kind}:${t.expenseId}`,
    source: t.kind,
    clientId: client.id,
    target: "flexbudget",
    day: t.since.slice(0, 10),
  }));

/** Every kind of item; a capability adds its own kind here (and a line per source in the catalogues). */
export const toDoSources: ToDoSource[] = [
  overdueAgreements,
  consentEnding,
  askConsentAgain,
  noRecentContact,
  handoversWaiting,
  handoverQuestions,
  escalationToDo,
  timeoutStays,
  flexExpenses,
];

/** Te doen across the clients the device holds (their summaries), oldest first. */
export function toDo(clients: readonly ClientOverview[], context: ToDoContext, sources: readonly ToDoSource[] = toDoSources): ToDoItem[] {
  return clients
    .flatMap((records) => sources.flatMap((source) => source(records, context)))
    .sort((a, b) => byCodeUnits(a.day, b.day) || byCodeUnits(a.key, b.key));
}

/**
 * Days (ISO dates) and keys (ids) in plain code-unit order: the same order for dates as a
 * collation, and a stable one for keys, without a collation per comparison (a device's thousands
 * of items took a third of a second to sort with localeCompare).
 */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
