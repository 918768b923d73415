import type { z } from "zod";
import { agreementSchema } from "../agreement/schema.ts";
import { clientSchema, epdLinkSchema } from "../client/schema.ts";
import { consentConversationSchema } from "../consent/conversation.ts";
import { consentEventSchema } from "../consent/schema.ts";
import { prioritySchema } from "../escalation/priority.ts";
import { escalationEventSchema, escalationSchema, escalationSettingsSchema } from "../escalation/schema.ts";
import { flexbudgetEntrySchema, flexbudgetSchema, flexbudgetTotalsSchema } from "../flexbudget/schema.ts";
import { handoverEventSchema, handoverExportSchema, handoverSchema } from "../handover/schema.ts";
import { noteSchema } from "../note/schema.ts";
import { organisationSchema, personSchema } from "../organisation/schema.ts";
import { overviewSettingsSchema } from "../overview/settings.ts";
import { planDomainSchema, zrmScoreSchema } from "../plan/schema.ts";
import { portalAdapterSchema } from "../portal/schema.ts";
import { timeoutEventSchema, timeoutSettingsSchema, timeoutTotalsSchema } from "../timeout/schema.ts";
import type { Visibility } from "./visibility.ts";

/** Every kind of record that syncs, with the schema it is checked against on both sides. */
export const collections = {
  organisations: organisationSchema,
  people: personSchema,
  portalAdapters: portalAdapterSchema,
  clients: clientSchema,
  epdLinks: epdLinkSchema,
  consentEvents: consentEventSchema,
  consentConversations: consentConversationSchema,
  planDomains: planDomainSchema,
  zrmScores: zrmScoreSchema,
  agreements: agreementSchema,
  notes: noteSchema,
  handovers: handoverSchema,
  handoverEvents: handoverEventSchema,
  handoverExports: handoverExportSchema,
  flexbudgets: flexbudgetSchema,
  flexbudgetTotals: flexbudgetTotalsSchema,
  flexbudgetEntries: flexbudgetEntrySchema,
  timeoutSettings: timeoutSettingsSchema,
  timeoutTotals: timeoutTotalsSchema,
  timeoutEvents: timeoutEventSchema,
  escalations: escalationSchema,
  escalationEvents: escalationEventSchema,
  escalationSettings: escalationSettingsSchema,
  priorities: prioritySchema,
  overviewSettings: overviewSettingsSchema,
} as const;

export type CollectionName = keyof typeof collections;
export type RecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]>;
export const collectionNames = Object.keys(collections) as CollectionName[];

/** Who may see this record (see Visibility). */
export function visibilityOf<C extends CollectionName>(collection: C, record: RecordOf<C>): Visibility {
  switch (collection) {
    case "organisations":
    case "people":
    case "portalAdapters":
    // A year's budget and day rate are public money, no client data.
    case "flexbudgets":
    case "timeoutSettings":
    // How many working days the procesregisseur has to answer: a municipality's setting, no client data.
    case "escalationSettings":
      return { kind: "directory" };
    // Aggregate, naming no client: only the organisation that holds the budget (issue 15).
    case "flexbudgetTotals":
    case "timeoutTotals":
      return { kind: "organisation", organisationId: (record as RecordOf<"flexbudgetTotals" | "timeoutTotals">).holderOrganisationId };
    // An organisation's own way of working (its "geen contact" days): its devices only.
    case "overviewSettings":
      return { kind: "organisation", organisationId: (record as RecordOf<"overviewSettings">).organisationId };
    case "flexbudgetEntries":
      return { kind: "category", category: "flexbudget", domain: null };
    case "timeoutEvents":
      return { kind: "category", category: "timeout", domain: null };
    case "clients":
    case "consentEvents":
      return { kind: "client" };
    // What the client said when asked: the holder's only (see consent/conversation.ts).
    case "consentConversations":
      return { kind: "holder" };
    case "epdLinks":
      return { kind: "epd-link", organisationId: (record as RecordOf<"epdLinks">).organisationId };
    case "planDomains":
    case "zrmScores":
      return { kind: "category", category: (record as RecordOf<"planDomains" | "zrmScores">).domain, domain: null };
    // An afspraak about a life domain is that domain's information too; one that an escalation's
    // decision made is the escalation's (the procesregisseur sees it, as she sees the escalation).
    case "agreements": {
      const agreement = record as RecordOf<"agreements">;
      if (agreement.escalationId) return { kind: "category", category: "escalations", domain: null };
      return { kind: "category", category: "agreements", domain: agreement.domain };
    }
    // The escalation names its knelpunt's life domain but is shared "los van de inhoud": it needs
    // the escalations category only (docs/decisions/0019).
    case "escalations":
    case "escalationEvents":
      return { kind: "category", category: "escalations", domain: null };
    case "notes":
      return { kind: "category", category: "notes", domain: null };
    // Her municipality's priority list: hers and the holder's to see, nobody else's (issue 14).
    case "priorities":
      return { kind: "priority", organisationId: (record as RecordOf<"priorities">).organisationId };
    case "handovers":
    case "handoverEvents":
    case "handoverExports":
      return { kind: "category", category: "handovers", domain: null };
    default:
      throw new Error(`unknown collection ${String(collection)}`);
  }
}

/** The client a record belongs to, or null for directory records. */
export function clientIdOf<C extends CollectionName>(collection: C, record: RecordOf<C>): string | null {
  if (collection === "clients") return record.id;
  if ("clientId" in record && typeof record.clientId === "string") return record.clientId;
  return null;
}
