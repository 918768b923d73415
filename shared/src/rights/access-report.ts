import { z } from "zod";
import type { Handover, HandoverEvent } from "../handover/schema.ts";
import { idSchema, instantSchema } from "../primitives.ts";

/**
 * On which basis someone read or changed the client's record:
 * - "holder": she works for the organisation that held the client then;
 * - "consent": the client's consent (its id in `consentId`);
 * - "handover": her organisation had handed the client over and read on for a while;
 * - "covenant": the Zorg- en Veiligheidshuis covenant the holder recorded for an escalation
 *   (`covenant:<escalation id>` in `consentId`, docs/decisions/0019);
 * - "system": nobody in person (retention, an administrator's command);
 * - "none": none of these: the server refused (outcome "denied") or it was not about her data.
 */
export const accessBases = ["holder", "consent", "covenant", "handover", "system", "none"] as const;
export type AccessBasis = (typeof accessBases)[number];

/** What was done: read (delivered to a device), changed, requested (an inzage or export), or the system's own. */
export const accessKinds = ["read", "change", "request", "system"] as const;
export type AccessKind = (typeof accessKinds)[number];

/** One line of the access report (inzage): one audited event about the client. */
export const accessReportEntrySchema = z.object({
  at: instantSchema,
  kind: z.enum(accessKinds),
  /** The audited event: "pull.deliver", a mutation's name, "rights.accessReport", … */
  event: z.string(),
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  organisationId: idSchema.nullable(),
  organisationName: z.string().nullable(),
  categories: z.array(z.string()),
  basis: z.enum(accessBases),
  consentId: z.string().nullable(),
  outcome: z.enum(["ok", "rejected", "denied"]),
});
export type AccessReportEntry = z.infer<typeof accessReportEntrySchema>;

export const accessReportSchema = z.object({
  clientId: idSchema,
  alias: z.string(),
  birthYear: z.number().int(),
  holderName: z.string(),
  generatedAt: instantSchema,
  entries: z.array(accessReportEntrySchema),
});
export type AccessReport = z.infer<typeof accessReportSchema>;

export function accessKindOf(event: string): AccessKind {
  if (event === "pull.deliver") return "read";
  if (event.startsWith("rights.")) return "request";
  if (event.startsWith("retention.") || event.startsWith("admin.")) return "system";
  return "change";
}

/** Who held the client when: the organisation that created her, then each acknowledged handover's receiver from its moment. */
export interface HolderTimeline {
  holderAt(instant: string): string;
  /** Whether the organisation held her at some moment before `instant`. */
  heldBefore(organisationId: string, instant: string): boolean;
}

export function holderTimeline(currentHolder: string, handovers: readonly Handover[], events: readonly HandoverEvent[]): HolderTimeline {
  const byId = new Map(handovers.map((h) => [h.id, h]));
  const moves = events
    .filter((e) => e.type === "acknowledged")
    .map((e) => ({ at: e.at, handover: byId.get(e.handoverId) }))
    .filter((m): m is { at: string; handover: Handover } => m.handover !== undefined && m.handover.toOrganisationId !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  const first = moves[0]?.handover.fromOrganisationId ?? currentHolder;
  const holderAt = (instant: string) => {
    let holder = first;
    for (const move of moves) if (move.at <= instant) holder = move.handover.toOrganisationId ?? holder;
    return holder;
  };
  return {
    holderAt,
    heldBefore: (organisationId, instant) =>
      first === organisationId ||
      moves.some((m) => m.at <= instant && (m.handover.fromOrganisationId === organisationId || m.handover.toOrganisationId === organisationId)),
  };
}

/** The basis of one audited event, from what the audit row holds and who held the client then. */
export function accessBasisOf(
  row: { at: string; organisationId: string | null; userId: string | null; consentId: string | null; outcome: string },
  holders: HolderTimeline,
): AccessBasis {
  if (row.outcome !== "ok") return "none";
  if (row.consentId) return row.consentId.split(",").every((id) => id.startsWith("covenant:")) ? "covenant" : "consent";
  if (row.organisationId === null) return row.userId === null ? "system" : "none";
  if (holders.holderAt(row.at) === row.organisationId) return "holder";
  if (holders.heldBefore(row.organisationId, row.at)) return "handover";
  return "none";
}

/** One line per day, person, organisation, kind, basis and outcome, with the categories together: how a person reads the report. */
export interface AccessReportDay {
  day: string;
  kind: AccessKind;
  personName: string | null;
  organisationName: string | null;
  basis: AccessBasis;
  outcome: AccessReportEntry["outcome"];
  categories: string[];
  times: number;
}

export function accessReportByDay(entries: readonly AccessReportEntry[]): AccessReportDay[] {
  const days = new Map<string, AccessReportDay>();
  for (const e of entries) {
    const day = e.at.slice(0, 10);
    const key = JSON.stringify([day, e.kind, e.personId, e.organisationId, e.basis, e.outcome]);
    const line = days.get(key) ?? {
      day,
      kind: e.kind,
      personName: e.personName,
      organisationName: e.organisationName,
      basis: e.basis,
      outcome: e.outcome,
      categories: [],
      times: 0,
    };
    line.times += 1;
    for (const c of e.categories) if (!line.categories.includes(c)) line.categories.push(c);
    days.set(key, line);
  }
  return [...days.values()];
}
